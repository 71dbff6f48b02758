import type { FamilyLinksDb } from '../database';

/**
 * A queue per database: each task starts once the one before it in this window has settled,
 * whether that one succeeded or failed. Each caller makes its own, for its own reason to wait.
 */
export function queuePerDatabase() {
  const queues = new WeakMap<FamilyLinksDb, Promise<unknown>>();
  return <T>(db: FamilyLinksDb, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(db) ?? Promise.resolve();
    const next = previous.then(task, task);
    queues.set(
      db,
      next.catch(() => undefined),
    );
    return next;
  };
}
