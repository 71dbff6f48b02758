import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { syncProblemRepository } from '../../db/repositories/sync-problem-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * For the manager's home: the sync problems not yet seen, newest first, and marking one as seen.
 * Kept live, so a document refused while the home is open shows at once; undefined while loading.
 * The repository gives anyone but the manager an empty list.
 */
export function useSyncProblems() {
  const db = useDatabase();
  const session = useSession();
  const problems = useLiveQuery(() => syncProblemRepository(db).listForManager(session), [db, session]);
  const markSeen = useCallback(
    (problemId: string) => syncProblemRepository(db).markSeen(session, problemId),
    [db, session],
  );
  return { problems, markSeen };
}
