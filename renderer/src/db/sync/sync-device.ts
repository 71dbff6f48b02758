import type { FamilyLinksDb } from '../database';
import {
  deviceRowId,
  isChangeableTable,
  isReplicatedRow,
  isReplicatedTable,
  recordSyncId,
  type ChangeLogRow,
  type SyncDeviceRow,
} from './change-log';

/**
 * Sets sync up on this computer: makes its device row (its id, and its first change number) and
 * logs every row that already exists in a replicated table, in one transaction over all of them,
 * so no write can fall between what is copied and what the change log catches from then on.
 * Once set up it stays set up: a second call returns the row it made.
 */
export async function startChangeLog(db: FamilyLinksDb, now: Date): Promise<SyncDeviceRow> {
  const replicated = db.tables.filter((table) => isReplicatedTable(table.name));
  return db.transaction('rw', [...replicated, db.syncDevice, db.syncChangeLog, db.syncVersions], async () => {
    const existing = await db.syncDevice.get(deviceRowId);
    if (existing) return existing;
    const deviceId = crypto.randomUUID();
    let seq = 1;
    for (const table of replicated) {
      const [allKeys, allRows] = await Promise.all([
        table.toCollection().primaryKeys() as Promise<unknown[]>,
        table.toArray() as Promise<unknown[]>,
      ]);
      // A settings row that is this computer's own state stays here (`isReplicatedRow`).
      const kept = allKeys.flatMap((key, index) =>
        isReplicatedRow(table.name, key) ? [{ key, row: allRows[index] }] : [],
      );
      const entries: ChangeLogRow[] = kept.map(({ key, row }, index) => ({
        seq: seq + index,
        table: table.name,
        key,
        op: 'put',
        row,
      }));
      seq += entries.length;
      if (entries.length > 0) await db.syncChangeLog.bulkAdd(entries);
      // A changeable record starts at the version this first copy of it makes.
      if (entries.length > 0 && isChangeableTable(table.name))
        await db.syncVersions.bulkPut(
          entries.map((entry) => ({
            id: recordSyncId(table.name, entry.key),
            version: `${deviceId}:${entry.seq}`,
          })),
        );
    }
    const device: SyncDeviceRow = {
      id: deviceRowId,
      deviceId,
      nextSeq: seq,
      since: now.toISOString(),
    };
    await db.syncDevice.add(device);
    return device;
  });
}

/** This computer's sync id, or `undefined` while sync is not set up here. */
export async function thisDevice(db: FamilyLinksDb): Promise<SyncDeviceRow | undefined> {
  return db.syncDevice.get(deviceRowId);
}
