import type { OpenedEnvelope } from '@shared/sync/sync-envelope';
import { toSyncJson } from '@shared/sync/sync-json';
import { canonicalJson, parseVersionId, versionId, winningVersion } from '@shared/sync/record-merge';
import type { FamilyLinksDb } from '../database';
import { recordSyncId } from './change-log';
import { hasVersions } from './replicated-rows';
import type { SyncConflictRow, SyncConflictSide, SyncVersionRow } from './sync-rows';

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
async function applyChange(
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

type IncomingChange = { readonly opened: OpenedEnvelope; readonly row?: unknown };

/** Adds audit entries from elsewhere under this table's numbering, each key named outright. */
async function appendAuditEntries(db: FamilyLinksDb, entries: readonly IncomingChange[]): Promise<void> {
  if (entries.length === 0) return;
  const table = db.table('audit');
  const last = Number((await table.orderBy(':id').lastKey()) ?? 0);
  await table.bulkAdd(
    entries.map((incoming, index) => ({ ...(incoming.row as object), seq: last + 1 + index })),
  );
}

/**
 * One record's changes from a batch, each after the change it was made on. The feed gives a batch
 * in the server's order, not the writers': a record recorded and then changed before it was sent
 * can come change 2 first, and applied so the second would look made on a version this computer
 * never had (a conflict with itself). Otherwise `(n, d)` order, the same on every computer.
 */
function madeOnFirst(list: readonly IncomingChange[]): IncomingChange[] {
  const pending = [...list].sort(
    (a, b) => a.opened.n - b.opened.n || a.opened.deviceId.localeCompare(b.opened.deviceId),
  );
  const nameOf = (incoming: IncomingChange) =>
    versionId({ d: incoming.opened.deviceId, n: incoming.opened.n });
  const ordered: IncomingChange[] = [];
  while (pending.length > 0) {
    const waiting = new Set(pending.map(nameOf));
    const next = pending.findIndex((incoming) => !waiting.has(incoming.opened.change.base ?? ''));
    // A cycle cannot be signed into being, but never loop on one: take the rest in order.
    ordered.push(...pending.splice(next === -1 ? 0 : next, next === -1 ? pending.length : 1));
  }
  return ordered;
}

/**
 * Applies a batch of verified changes inside the batch's transaction, as `applyChange` applies
 * each: a record's changes in their order, different records' side by side. A record put once in
 * the batch that is write-once, or new here (no version and no open conflict, so `applyChange`
 * would write it and move it to that version), is written with the others of its table in one
 * request, so a first pull does not pay a round trip and a pass of the middlewares per row.
 */
export async function applyChanges(
  db: FamilyLinksDb,
  changes: readonly IncomingChange[],
  now: string,
): Promise<void> {
  // Another computer's audit entries are numbered here, after the last one held (as `applyChange`
  // does for one), in the order they came.
  const auditEntries = changes.filter((incoming) => incoming.opened.change.table === 'audit');
  const byRecord = new Map<string, IncomingChange[]>();
  for (const incoming of changes) {
    if (incoming.opened.change.table === 'audit') continue;
    const id = recordSyncId(incoming.opened.change.table, incoming.opened.change.key);
    const list = byRecord.get(id) ?? [];
    list.push(incoming);
    byRecord.set(id, list);
  }
  const loneVersioned = [...byRecord].flatMap(([id, list]) => {
    const table = list[0]?.opened.change.table;
    return list.length === 1 && table !== undefined && hasVersions(table) ? [id] : [];
  });
  const [versions, conflicts] = await Promise.all([
    db.syncVersions.bulkGet(loneVersioned),
    db.syncConflicts.bulkGet(loneVersioned),
  ]);
  const known = new Set([...versions, ...conflicts].flatMap((row) => (row ? [row.id] : [])));
  const rowsByTable = new Map<string, unknown[]>();
  const firstVersions: SyncVersionRow[] = [];
  const oneByOne: IncomingChange[][] = [];
  for (const [id, list] of byRecord) {
    const only = list.length === 1 ? list[0] : undefined;
    const change = only?.opened.change;
    if (!only || change?.op !== 'put' || known.has(id)) {
      oneByOne.push(list);
      continue;
    }
    const rows = rowsByTable.get(change.table) ?? [];
    rows.push(only.row);
    rowsByTable.set(change.table, rows);
    if (hasVersions(change.table))
      firstVersions.push({
        id,
        version: versionId({ d: only.opened.deviceId, n: only.opened.n }),
        at: change.at,
      });
  }
  await Promise.all([
    ...[...rowsByTable].map(([table, rows]) => db.table(table).bulkPut(rows)),
    firstVersions.length > 0 ? db.syncVersions.bulkPut(firstVersions) : undefined,
    appendAuditEntries(db, auditEntries),
    ...oneByOne.map(async (list) => {
      for (const incoming of madeOnFirst(list)) await applyChange(db, incoming.opened, incoming.row, now);
    }),
  ]);
}
