import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/useDatabase';
import { declarationRepository } from '../../db/repositories/declaration-repository';
import { useSession } from '../../security/session-context';

/** For the manager: declarations waiting for review, a supervision date or an outcome. Kept live. */
export function useDeclarationsNeedingAttention(today: string) {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(() => declarationRepository(db).needingAttention(session, today), [db, session, today]);
}
