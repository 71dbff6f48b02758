import type { OpenedEnvelope } from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';

/** The highest change number of each computer that any signed envelope received here names. */
export const announcedKey = 'announced';

const recordOf = (value: unknown): Record<string, number> =>
  typeof value === 'object' && value !== null ? { ...(value as Record<string, number>) } : {};

/**
 * Inside the applier's transaction, with the envelopes it received (verified): each says its
 * writer made change `n`, and its `seen` vector that the writer had every other computer's
 * changes up to a number. Kept as the highest number named for each computer, so a change the
 * server withholds at the end of a computer's run is noticed too, not only a hole in the middle.
 */
export async function noteAnnounced(db: FamilyLinksDb, received: readonly OpenedEnvelope[]): Promise<void> {
  if (received.length === 0) return;
  const announced = await announcedChanges(db);
  const raise = (deviceId: string, n: number) => {
    if (n > (announced[deviceId] ?? 0)) announced[deviceId] = n;
  };
  for (const envelope of received) {
    raise(envelope.deviceId, envelope.n);
    for (const [deviceId, n] of Object.entries(envelope.change.seen)) raise(deviceId, n);
  }
  await db.syncState.put({ key: announcedKey, value: announced });
}

/** What `noteAnnounced` has kept. */
export async function announcedChanges(db: FamilyLinksDb): Promise<Record<string, number>> {
  return recordOf((await db.syncState.get(announcedKey))?.value);
}
