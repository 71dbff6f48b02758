import { useEffect } from 'react';
import { can } from '@shared/rules/access';
import { keyRotationRepository } from '../db/repositories/key-rotation-repository';
import type { Session } from '../db/session';
import { useDatabase } from '../db/useDatabase';

/**
 * A change of a compartment's key that was stopped part-way (the screen locked, the manager
 * signed out or closed the window) carries on in the background as soon as the manager signs in
 * again, from the batch it had reached. Only the manager's session holds every key it needs.
 */
export function useKeyRotationsResumed(session: Session): void {
  const db = useDatabase();
  const isManager = can(session.roles, 'staff:manage');
  useEffect(() => {
    if (!isManager) return;
    keyRotationRepository(db)
      .run(session, true)
      .catch((error: unknown) =>
        console.error('The key change stopped again; it carries on at the next sign-in', error),
      );
  }, [db, session, isManager]);
}
