import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { mergeOpenConflicts } from '../db/sync/sync-merge';
import type { Session } from '../db/session';
import { useDatabase } from '../db/useDatabase';

/**
 * Records changed on two computers at once are merged where they can be (docs/sync-design.md,
 * "Conflicts") as soon as someone whose keys open them is signed in: at sign-in or unlock, and
 * whenever the open conflicts change (a batch from another computer applied, here or by the
 * sync page beside the app). The pass opens only what this session's keys open; the rest waits
 * for someone who holds them. Without sync there are no conflicts and it does nothing.
 */
export function useConflictsMerged(session: Session): void {
  const db = useDatabase();
  const open = useLiveQuery(
    async () =>
      (await db.syncConflicts.toArray())
        .map((conflict) => `${conflict.id}=${conflict.sides.map((side) => `${side.d}:${side.n}`).join(',')}`)
        .join(' '),
    [db],
  );
  useEffect(() => {
    if (!open) return;
    mergeOpenConflicts(db, session).catch((error: unknown) =>
      console.error('Records changed on two computers could not be merged yet; tried again later', error),
    );
  }, [db, session, open]);
}
