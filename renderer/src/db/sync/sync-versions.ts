import type { OpenedEnvelope } from '@shared/sync/sync-envelope';
import { toSyncJson } from '@shared/sync/sync-json';
import { canonicalJson, parseVersionId, versionId, winningVersion } from '@shared/sync/record-merge';
import type { FamilyLinksDb } from '../database';
import { recordSyncId } from './change-log';
import { hasVersions } from './replicated-rows';
import type { SyncConflictRow, SyncConflictSide } from './sync-rows';

/** Two stored rows are the same when their bytes and fields are: a copy of one record made on two computers. */
export function isSameRow(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(toSyncJson(a)) === canonicalJson(toSyncJson(b));
}

/**
 * Applies one verified change from another computer, inside the batch's transaction
 * (docs/sync-design.md, "Conflicts"). A write-once record is written as it comes. A changeable
 * record is checked against the version it is at here:
 * - made on that version (or the record is new here): written, and the record moves to it;
 * - the same row as the one here (the same record copied onto two computers when they were set
 *   up): nothing to write, and both computers settle on the higher version;
 * - otherwise concurrent: the versions are kept in `syncConflicts`, sealed as stored, and the
 *   record holds the winner (highest `(n, d)`) until they are merged or the manager chooses;
 * - a change that settles every version of an open conflict (a choice or a merge) closes it.
 * A change made on one side of an open conflict replaces that side.
 */
export async function applyChange(
  db: FamilyLinksDb,
  envelope: OpenedEnvelope,
  row: unknown,
  now: string,
): Promise<void> {
  const { change } = envelope;
  const table = db.table(change.table);
  const incomingRow = change.op === 'put' ? row : undefined;
  const write = async (stored: unknown) => {
    if (stored === undefined) await table.delete(change.key);
    else if (change.table === 'audit') {
      // Another computer's audit entry goes after the last one here, under this table's numbering
      // (its place in its own chain is in the entry): named outright, so every view of the log
      // sees the new key.
      const last = Number((await table.orderBy(':id').lastKey()) ?? 0);
      await table.add({ ...(stored as object), seq: last + 1 });
    } else await table.put(stored);
  };
  if (!hasVersions(change.table)) return write(incomingRow);

  const id = recordSyncId(change.table, change.key);
  const version = versionId({ d: envelope.deviceId, n: envelope.n });
  const incoming: SyncConflictSide = {
    d: envelope.deviceId,
    n: envelope.n,
    at: change.at,
    ...(incomingRow === undefined ? {} : { row: incomingRow }),
  };
  const [current, conflict, stored] = await Promise.all([
    db.syncVersions.get(id),
    db.syncConflicts.get(id),
    table.get(change.key) as Promise<unknown>,
  ]);
  const settles = new Set(change.settles ?? []);
  const fastForward = async () => {
    await write(incomingRow);
    await db.syncVersions.put({ id, version, at: change.at });
  };
  const keepConflict = async (sides: readonly SyncConflictSide[], base: SyncConflictRow['base']) => {
    const winner = winningVersion(sides) ?? incoming;
    await write(winner.row);
    await db.syncVersions.put({ id, version: versionId(winner), at: winner.at });
    await db.syncConflicts.put({
      id,
      table: change.table,
      key: String(change.key),
      base,
      sides: [...sides],
      openedAt: conflict?.openedAt ?? now,
    });
  };

  if (conflict) {
    if (conflict.sides.every((side) => settles.has(versionId(side)))) {
      await db.syncConflicts.delete(id);
      return fastForward();
    }
    const replaced = (side: SyncConflictSide) =>
      versionId(side) === change.base || settles.has(versionId(side));
    return keepConflict([...conflict.sides.filter((side) => !replaced(side)), incoming], conflict.base);
  }
  if (current === undefined || current.version === change.base) return fastForward();
  if (isSameRow(stored, incomingRow)) {
    const here = parseVersionId(current.version);
    const winner = winningVersion([...(here ? [here] : []), { d: envelope.deviceId, n: envelope.n }]);
    if (winner) await db.syncVersions.put({ id, version: versionId(winner), at: current.at ?? change.at });
    return;
  }
  const here = parseVersionId(current.version);
  if (!here) return fastForward();
  const local: SyncConflictSide = {
    ...here,
    at: current.at ?? now,
    ...(stored === undefined ? {} : { row: stored }),
  };
  return keepConflict([local, incoming], {
    version: change.base,
    ...(change.prior === undefined ? {} : { row: change.prior }),
  });
}
