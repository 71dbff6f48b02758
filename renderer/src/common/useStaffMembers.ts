import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../db/useDatabase';
import { staffRepository } from '../db/repositories/staff-repository';
import { useSession } from '../security/session-context';

/** Every staff account, by name, kept live (for naming PTs, CCs and mentors); undefined while loading. */
export function useStaffMembers() {
  const db = useDatabase();
  const { cipher } = useSession();
  return useLiveQuery(() => staffRepository(db).list(cipher), [db, cipher]);
}
