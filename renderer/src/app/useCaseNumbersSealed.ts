import { useEffect } from 'react';
import { indexCaseNumbers } from '../db/repositories/young-person-case-index';
import type { Session } from '../db/session';
import { useDatabase } from '../db/useDatabase';

/**
 * Once someone is signed in, young people stored while case numbers were kept plain are stored
 * again with the number sealed, in the background. Any role can do it (the door key is enough),
 * so a home's case numbers leave the clear at the first sign-in after the upgrade, whoever it is.
 */
export function useCaseNumbersSealed(session: Session): void {
  const db = useDatabase();
  useEffect(() => {
    indexCaseNumbers(db, session).catch((error: unknown) =>
      console.error(
        'Case numbers stored the old way could not be sealed yet; it is tried at the next sign-in',
        error,
      ),
    );
  }, [db, session]);
}
