import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { can } from '@shared/rules/access';
import {
  syncConflictRepository,
  type ConflictCombination,
} from '../../db/repositories/sync-conflict-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * For the manager's home: how many records are changed on two computers at once, those whose
 * versions need a choice (both sides side by side), and the choice itself: one version kept, or
 * the versions combined field by field. Kept live, so a choice
 * made on another computer empties the list here as soon as it arrives; undefined while loading.
 */
export function useSyncConflicts() {
  const db = useDatabase();
  const session = useSession();
  const isManager = can(session.roles, 'sync:settle');
  const state = useLiveQuery(async () => {
    if (!isManager) return { count: 0, toChoose: [] };
    const conflicts = syncConflictRepository(db);
    const [count, toChoose] = await Promise.all([
      conflicts.countOpen(session),
      conflicts.listForManager(session),
    ]);
    return { count, toChoose };
  }, [db, session, isManager]);
  const keep = useCallback(
    (conflictId: string, version: string) => syncConflictRepository(db).keep(session, conflictId, version),
    [db, session],
  );
  const combine = useCallback(
    (conflictId: string, combination: ConflictCombination) =>
      syncConflictRepository(db).combine(session, conflictId, combination),
    [db, session],
  );
  return { state, keep, combine };
}
