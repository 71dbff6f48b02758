import { useEffect } from 'react';
import { useSession } from '../../security/session-context';
import { retryCaseFileCopies } from './retry-case-file-copies';
import { useContactFormRepository } from './useContactFormRepository';

/** How often waiting case-file copies are looked at while someone is signed in. */
const checkEveryMs = 60_000;

/**
 * Keeps trying the case-file copies that could not be written (issue #6 point 6: "the copy waits
 * and is retried"): once when someone signs in, then every minute for the copies whose next try
 * has come (each waits longer after each failure). Renders nothing.
 */
export function CaseFileRetryRunner() {
  const repository = useContactFormRepository();
  const session = useSession();
  useEffect(() => {
    let isRunning = false;
    const tick = () => {
      if (isRunning) return;
      isRunning = true;
      retryCaseFileCopies(repository, session)
        .catch((error: unknown) => console.error('Retrying case-file copies failed', error))
        .finally(() => {
          isRunning = false;
        });
    };
    tick();
    const timer = window.setInterval(tick, checkEveryMs);
    return () => window.clearInterval(timer);
  }, [repository, session]);
  return null;
}
