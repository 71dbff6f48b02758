import { sealEnvelope, type Envelope, type SyncChange, type SyncKeys } from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';
import type { ChangeLogRow } from './change-log';
import { seenVector } from './sync-applier';

/** The part of the PouchDB mirror the pump writes to. */
export type MirrorWriter = {
  bulkDocs(docs: Envelope[]): Promise<unknown[]>;
};

/** This computer's id and signing key. */
export type SigningDevice = { readonly deviceId: string; readonly privateKey: CryptoKey };

export const pushedThroughKey = 'pushedThrough';
const batchSize = 500;

// One pump per database at a time: two would seal the same log rows twice.
const running = new WeakMap<FamilyLinksDb, Promise<number>>();

/**
 * Sends the change log to the mirror (docs/sync-design.md, "The pump"): unsent rows in `seq`
 * order, each sealed and signed outside any transaction, written with `bulkDocs`, then marked sent
 * and dropped from the log. A crash between the two leaves the rows in the log; sending them again
 * finds their ids taken (`conflict`) and counts them sent, since the document for that change
 * number is already there. Live sync takes the mirror to the server. Returns how many were sent.
 */
export function pumpChanges(
  db: FamilyLinksDb,
  mirror: MirrorWriter,
  keys: SyncKeys,
  device: SigningDevice,
  clock: () => Date = () => new Date(),
): Promise<number> {
  const previous = running.get(db) ?? Promise.resolve(0);
  const next = previous.catch(() => 0).then(() => pumpAll(db, mirror, keys, device, clock));
  running.set(db, next);
  return next;
}

async function pumpAll(
  db: FamilyLinksDb,
  mirror: MirrorWriter,
  keys: SyncKeys,
  device: SigningDevice,
  clock: () => Date,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const through = Number((await db.syncState.get(pushedThroughKey))?.value ?? 0);
    const rows = await db.syncChangeLog.where('seq').above(through).limit(batchSize).toArray();
    if (rows.length === 0) return sent;
    const seen = await seenVector(db);
    const at = clock().toISOString();
    const docs = await Promise.all(
      rows.map((row) => sealEnvelope(keys, device, row.seq, changeOf(row, seen, at))),
    );
    const results = await mirror.bulkDocs(docs);
    results.forEach((result, index) => {
      const failure = typeof result === 'object' && result !== null ? result : {};
      if (!Reflect.get(failure, 'error') || Reflect.get(failure, 'status') === 409) return;
      const message = String(Reflect.get(failure, 'message') ?? Reflect.get(failure, 'name'));
      throw new Error(`The sync mirror refused change ${String(rows[index]?.seq)}: ${message}`);
    });
    const last = rows[rows.length - 1]?.seq ?? through;
    await db.transaction('rw', db.syncState, db.syncChangeLog, async () => {
      await db.syncState.put({ key: pushedThroughKey, value: last });
      await db.syncChangeLog.where('seq').belowOrEqual(last).delete();
    });
    sent += rows.length;
  }
}

function changeOf(row: ChangeLogRow, seen: Readonly<Record<string, number>>, at: string): SyncChange {
  return {
    table: row.table,
    key: row.key as SyncChange['key'],
    op: row.op,
    ...(row.op === 'put' ? { row: row.row } : {}),
    // A write-once record has no version to be made on (docs/sync-design.md, "Conflicts").
    base: row.base ?? null,
    ...(row.prior === undefined ? {} : { prior: row.prior }),
    ...(row.settles ? { settles: [...row.settles] } : {}),
    seen,
    at,
  };
}
