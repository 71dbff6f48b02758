import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/useDatabase';
import { staffRepository } from '../../db/repositories/staff-repository';
import type { Session } from '../../db/session';
import type { AuthService } from '../../security/auth-service';

/** Staff accounts with their sign-in state, kept live; undefined while loading. */
export function useStaffAccounts(session: Session, auth: AuthService) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [staff, states] = await Promise.all([
      staffRepository(db).list(session.cipher),
      auth.accountStates(session),
    ]);
    return staff.map((member) => ({ member, state: states.get(member.id) }));
  }, [db, session, auth]);
}
