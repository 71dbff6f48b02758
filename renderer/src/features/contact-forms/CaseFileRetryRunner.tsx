import { useEffect } from 'react';
import { useSession } from '../../security/session-context';
import { retryCaseFileCopies } from './retry-case-file-copies';
import { useCaseFileCopyRepository } from './useCaseFileCopyRepository';

/** How often waiting case-file copies are looked at while someone is signed in. */
const checkEveryMs = 60_000;

/**
 * Keeps trying the case-file copies that could not be written (a signed form is never lost for a
 * share being down: DESIGN rule 2): all of them when someone signs in, then every minute those whose next try
 * has come (each waits longer after each failure, up to 6 hours). Renders nothing.
 */
export function CaseFileRetryRunner() {
  const copies = useCaseFileCopyRepository();
  const session = useSession();
  useEffect(() => {
    let isRunning = false;
    let isFirst = true;
    const tick = () => {
      if (isRunning) return;
      isRunning = true;
      // At sign-in every waiting copy is tried (the share may be back); after that, those whose time has come.
      const which = isFirst
        ? copies.waiting().then((waiting) => waiting.map((copy) => copy.id))
        : Promise.resolve(undefined);
      isFirst = false;
      which
        .then((ids) => retryCaseFileCopies(copies, session, ids))
        .catch((error: unknown) => console.error('Retrying case-file copies failed', error))
        .finally(() => {
          isRunning = false;
        });
    };
    tick();
    const timer = window.setInterval(tick, checkEveryMs);
    return () => window.clearInterval(timer);
  }, [copies, session]);
  return null;
}
