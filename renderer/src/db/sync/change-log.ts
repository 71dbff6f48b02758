import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { isHomeSetting } from '@shared/rules/sync-scope';
import { reviewSummaryTable } from '../review-summary-invalidation';
import type { SyncConflictRow, SyncVersionRow } from './sync-rows';

/**
 * The change log (docs/sync-design.md, "The change log"): once sync is set up on this computer,
 * every write to a replicated table adds a `syncChangeLog` row in the same transaction, numbered
 * from this computer's own sequence, so a change that commits is always logged and one that rolls
 * back never is. The pump sends the log later, outside any transaction.
 *
 * Without sync set up there is no `syncDevice` row and nothing is logged: each write transaction
 * costs one extra read of that row (per transaction, not per write), so a home with one computer
 * works as before. Setting sync up (`startChangeLog`) logs every row that already exists, in the
 * same transaction that creates the row, so nothing written before is missed.
 */

export const syncTables = {
  device: 'syncDevice',
  changeLog: 'syncChangeLog',
  state: 'syncState',
  applied: 'syncApplied',
  peers: 'syncPeers',
  problems: 'syncProblems',
  versions: 'syncVersions',
  conflicts: 'syncConflicts',
} as const;

/**
 * Tables that stay on this computer: derived ones (worked out again from the records), drafts,
 * the keyring (each computer's sign-in and lockout state; how accounts reach another computer is
 * pairing's business), sign-in events waiting for the audit key, this computer's own findings and
 * queues (damaged rows, case-file copies it still has to write), and sync's own tables.
 */
export const localOnlyTables: ReadonlySet<string> = new Set<string>([
  reviewSummaryTable,
  'drafts',
  'accountKeys',
  'pendingAudit',
  'damagedRecords',
  'caseFileQueue',
  ...Object.values(syncTables),
]);

export const isReplicatedTable = (table: string): boolean => !localOnlyTables.has(table);

/**
 * Whether one row of a replicated table goes to the home's other computers: every row but a
 * settings row that is this computer's own state (its audit head, a key change under way here:
 * `shared/rules/sync-scope.ts`), which is never logged, so never sent.
 */
export const isReplicatedRow = (table: string, key: unknown): boolean =>
  table !== 'settings' || isHomeSetting(key);

/**
 * Records written once and never changed by another computer's hand: each writer makes its own
 * (a fresh id), so two computers cannot change the same one (docs/sync-design.md, "Conflicts").
 * A visitor entry changes once more, when the visitor signs out at the computer that signed them
 * in. Every other replicated table holds records that change: their changes carry the version they
 * were made on, and the row before, so a concurrent change is seen and can be merged.
 */
export const writeOnceTables: ReadonlySet<string> = new Set<string>([
  'visitorLog',
  'audit',
  'restrictionHistory',
  'contactArrangementHistory',
  'visitingProtocols',
  'protocolAcceptances',
  'contactFormFiles',
]);

export const isChangeableTable = (table: string): boolean =>
  isReplicatedTable(table) && !writeOnceTables.has(table);

/** The `syncVersions` and `syncConflicts` id of one record. */
export const recordSyncId = (table: string, key: unknown): string => `${table}/${String(key)}`;

/** The one `syncDevice` row: this computer's id and the number its next change will get. */
export type SyncDeviceRow = {
  readonly id: typeof deviceRowId;
  readonly deviceId: string;
  readonly nextSeq: number;
  readonly since: string;
};
export const deviceRowId = 'this';

export type ChangeLogOp = 'put' | 'delete';

/** One change: the stored row as written (already sealed by its codec), or the key deleted. */
export type ChangeLogRow = {
  readonly seq: number;
  readonly table: string;
  readonly key: unknown;
  readonly op: ChangeLogOp;
  readonly row?: unknown;
  /** For a changeable record: the version it was at before (`null` when new) and its stored row then. */
  readonly base?: string | null;
  readonly prior?: unknown;
  /** The versions of a conflict this change settles (a choice or a merge). */
  readonly settles?: readonly string[];
};

// Writes that apply another computer's changes are that computer's, already logged there, and
// must not come back as this computer's. Marked per transaction and table, so that what this
// computer writes in the same transaction (its audit entry for a refusal) is still logged; keyed
// by the transaction object the middleware sees, so the mark ends with the transaction.
const appliedTables = new WeakMap<object, Set<string>>();

/** Marks the writes to `tables` in `transaction` as applied from another computer: they are not logged. */
export function markAppliedFromElsewhere(transaction: Transaction, tables: readonly string[]): void {
  const marked = appliedTables.get(transaction.idbtrans) ?? new Set<string>();
  for (const table of tables) marked.add(table);
  appliedTables.set(transaction.idbtrans, marked);
}

// A write that settles a conflict (the manager's choice, or a merge) names the versions it
// settles, so every computer closes the conflict when the change reaches it.
const settlingWrites = new WeakMap<object, Map<string, readonly string[]>>();

/** Marks the write of `key` in `table` within `transaction` as settling the conflict between `versions`. */
export function markSettling(
  transaction: Transaction,
  table: string,
  key: string,
  versions: readonly string[],
): void {
  const marked = settlingWrites.get(transaction.idbtrans) ?? new Map<string, readonly string[]>();
  marked.set(recordSyncId(table, key), versions);
  settlingWrites.set(transaction.idbtrans, marked);
}

/**
 * Another computer's audit entry, applied here beside this computer's own (even in the same
 * transaction): it is in that computer's chain and that computer sends it, never this one.
 */
function isOthersAuditEntry(table: string, row: unknown, deviceId: string): boolean {
  if (table !== 'audit' || typeof row !== 'object' || row === null) return false;
  const writer: unknown = Reflect.get(row, 'deviceId');
  return Reflect.get(row, 'legacy') === 1 || (writer !== undefined && writer !== deviceId);
}

type TransactionLog = { readonly device: Promise<SyncDeviceRow | undefined>; nextSeq?: number };
const transactionLogs = new WeakMap<object, TransactionLog>();

function holdsStores(transaction: DBCoreTransaction, stores: readonly string[]): boolean {
  const names: unknown = Reflect.get(transaction, 'objectStoreNames');
  if (typeof names !== 'object' || names === null) return true;
  const contains: unknown = Reflect.get(names, 'contains');
  if (typeof contains !== 'function') return true;
  return stores.every((store) => Boolean(Reflect.apply(contains, names, [store])));
}

const isUpgrade = (transaction: DBCoreTransaction): boolean =>
  Reflect.get(transaction, 'mode') === 'versionchange';

/** The changes a finished write made, one per row actually written or deleted. */
function changesOf(
  table: DBCoreTable,
  request: DBCoreMutateRequest,
  response: DBCoreMutateResponse,
  deletedKeys: readonly unknown[],
): { key: unknown; op: ChangeLogOp; row?: unknown }[] {
  if (request.type === 'deleteRange') return deletedKeys.map((key) => ({ key, op: 'delete' as const }));
  if (request.type === 'delete')
    return (request.keys as readonly unknown[])
      .filter((_key, index) => !(index in response.failures))
      .map((key) => ({ key, op: 'delete' as const }));
  const primaryKey = table.schema.primaryKey;
  const keyPath = typeof primaryKey.keyPath === 'string' ? primaryKey.keyPath : undefined;
  const values: readonly unknown[] = request.values;
  const keys: readonly unknown[] | undefined = response.results ?? request.keys;
  return values.flatMap((value, index) => {
    if (index in response.failures) return [];
    const key = keys?.[index];
    // An auto-incremented key (the audit log's `seq`) is only known once written: put it in the row.
    const row =
      keyPath && primaryKey.autoIncrement && typeof value === 'object' && value !== null
        ? { ...value, [keyPath]: key }
        : value;
    return [{ key, op: 'put' as const, row }];
  });
}

/** The keys a put, add or delete names: for inbound keys, read from the values. */
function keysOf(table: DBCoreTable, request: DBCoreMutateRequest): unknown[] {
  if (request.type === 'delete') return [...(request.keys as readonly unknown[])];
  if (request.type === 'deleteRange') return [];
  if (request.keys) return [...(request.keys as readonly unknown[])];
  const keyPath = table.schema.primaryKey.keyPath;
  return (request.values as readonly unknown[]).map((value): unknown =>
    typeof keyPath === 'string' && typeof value === 'object' && value !== null
      ? (Reflect.get(value, keyPath) as unknown)
      : undefined,
  );
}

/** What a changeable record was before a write: its version here, its stored row, any open conflict. */
type Before = {
  readonly versions: ReadonlyMap<unknown, string>;
  readonly rows: ReadonlyMap<unknown, unknown>;
  readonly conflicts: ReadonlyMap<unknown, SyncConflictRow>;
};

type VersionTables = { readonly versions: DBCoreTable; readonly conflicts: DBCoreTable };

function readBefore(
  table: DBCoreTable,
  tables: VersionTables,
  trans: DBCoreTransaction,
  keys: readonly unknown[],
): Promise<Before> {
  const known = keys.filter((key) => key !== undefined);
  const ids = known.map((key) => recordSyncId(table.name, key));
  return Promise.all([
    tables.versions.getMany({ trans, keys: ids }),
    table.getMany({ trans, keys: known }),
    tables.conflicts.getMany({ trans, keys: ids }),
  ]).then(([versions, rows, conflicts]) => {
    const byKey = <Value>(values: readonly unknown[], pick: (value: unknown) => Value | undefined) =>
      new Map(
        known.flatMap((key, index) => {
          const value = pick(values[index]);
          return value === undefined ? [] : [[key, value] as const];
        }),
      );
    return {
      versions: byKey(versions, (row) => (row as SyncVersionRow | undefined)?.version),
      rows: byKey(rows, (row) => row),
      conflicts: byKey(conflicts, (row) => row as SyncConflictRow | undefined),
    };
  });
}

/**
 * The version bookkeeping for logged changes to changeable records: each change carries the
 * version it was made on and the row before, the record moves to the change's own version, and a
 * record in an open conflict has the side this computer changed replaced by the new version.
 */
function versionWrites(
  tables: VersionTables,
  trans: DBCoreTransaction,
  deviceId: string,
  entries: readonly ChangeLogRow[],
  before: Before,
): { readonly entries: ChangeLogRow[]; readonly writes: Promise<DBCoreMutateResponse>[] } {
  const at = new Date().toISOString();
  const versionRows: SyncVersionRow[] = [];
  const conflicts = new Map<string, SyncConflictRow>();
  const logged = entries.map((entry) => {
    const base = before.versions.get(entry.key) ?? null;
    const version = `${deviceId}:${entry.seq}`;
    const id = recordSyncId(entry.table, entry.key);
    versionRows.push({ id, version, at });
    const settles = settlingWrites.get(trans)?.get(id);
    const conflict = settles ? undefined : (conflicts.get(id) ?? before.conflicts.get(entry.key));
    if (conflict) {
      const side = { d: deviceId, n: entry.seq, at, ...(entry.op === 'put' ? { row: entry.row } : {}) };
      conflicts.set(id, {
        ...conflict,
        sides: conflict.sides.map((other) => (`${other.d}:${other.n}` === base ? side : other)),
      });
    }
    const prior = before.rows.get(entry.key);
    return {
      ...entry,
      base,
      ...(prior === undefined ? {} : { prior }),
      ...(settles ? { settles } : {}),
    };
  });
  const writes = [tables.versions.mutate({ type: 'put', trans, values: versionRows })];
  if (conflicts.size > 0)
    writes.push(tables.conflicts.mutate({ type: 'put', trans, values: [...conflicts.values()] }));
  return { entries: logged, writes };
}

function loggedTable(
  table: DBCoreTable,
  device: DBCoreTable,
  changeLog: DBCoreTable,
  versionTables: VersionTables | undefined,
): DBCoreTable {
  const tracked = versionTables !== undefined && isChangeableTable(table.name);
  return {
    ...table,
    mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      const trans = request.trans;
      if (
        appliedTables.get(trans)?.has(table.name) ||
        isUpgrade(trans) ||
        !holdsStores(trans, [syncTables.device, syncTables.changeLog])
      )
        return table.mutate(request);
      let log = transactionLogs.get(trans);
      if (!log) {
        log = {
          device: device.get({ trans, key: deviceRowId }) as Promise<SyncDeviceRow | undefined>,
        };
        transactionLogs.set(trans, log);
      }
      const state = log;
      const noneBefore: Before = { versions: new Map(), rows: new Map(), conflicts: new Map() };
      const logged = (keys: readonly unknown[], before: Before) => (response: DBCoreMutateResponse) =>
        state.device.then((row) => {
          if (!row) return response;
          const changes = changesOf(table, request, response, keys).filter(
            (change) =>
              isReplicatedRow(table.name, change.key) &&
              !isOthersAuditEntry(table.name, change.row, row.deviceId),
          );
          if (changes.length === 0) return response;
          const first = state.nextSeq ?? row.nextSeq;
          state.nextSeq = first + changes.length;
          const plain: ChangeLogRow[] = changes.map((change, index) => ({
            seq: first + index,
            table: table.name,
            ...change,
          }));
          const { entries, writes } =
            tracked && versionTables
              ? versionWrites(versionTables, trans, row.deviceId, plain, before)
              : { entries: plain, writes: [] };
          // Each write puts the device row again with the number after its own: the last put,
          // which IndexedDB applies last, holds the highest.
          return Promise.all([
            changeLog.mutate({ type: 'add', trans, values: entries }),
            device.mutate({ type: 'put', trans, values: [{ ...row, nextSeq: state.nextSeq }] }),
            ...writes,
          ]).then(([added]) => {
            if (added.numFailures > 0) throw new Error('The change log could not be written');
            return response;
          });
        });
      if (request.type !== 'deleteRange') {
        if (!tracked || !versionTables) return table.mutate(request).then(logged([], noneBefore));
        // A changeable record's version and row before the write go with the change: read first.
        return state.device.then((row) =>
          row
            ? readBefore(table, versionTables, trans, keysOf(table, request)).then((before) =>
                table.mutate(request).then(logged([], before)),
              )
            : table.mutate(request),
        );
      }
      // A range deletion names no keys: read them first (the read is answered before the write).
      return state.device.then((row) =>
        row
          ? table
              .query({
                trans,
                values: false,
                query: { index: table.schema.primaryKey, range: request.range },
              })
              .then((found) =>
                (tracked && versionTables
                  ? readBefore(table, versionTables, trans, found.result)
                  : Promise.resolve(noneBefore)
                ).then((before) => table.mutate(request).then(logged(found.result, before))),
              )
          : table.mutate(request),
      );
    },
  };
}

/**
 * The middleware, installed on every FamilyLinksDb. Readwrite transactions on replicated tables
 * are widened to the device row and the log. A database older than version 20 has neither: then
 * it does nothing.
 */
export const syncChangeLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SyncChangeLog',
  create(down: DBCore): Partial<DBCore> {
    const names = new Set(down.schema.tables.map((table) => table.name));
    if (!names.has(syncTables.device) || !names.has(syncTables.changeLog)) return {};
    const device = down.table(syncTables.device);
    const changeLog = down.table(syncTables.changeLog);
    // Version bookkeeping needs the tables of version 23; an older database logs without it.
    const versionTables =
      names.has(syncTables.versions) && names.has(syncTables.conflicts)
        ? { versions: down.table(syncTables.versions), conflicts: down.table(syncTables.conflicts) }
        : undefined;
    const extra = [
      syncTables.device,
      syncTables.changeLog,
      ...(versionTables ? [syncTables.versions, syncTables.conflicts] : []),
    ];
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some(isReplicatedTable);
        const scope = widen ? [...new Set([...stores, ...extra])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return isReplicatedTable(name) ? loggedTable(table, device, changeLog, versionTables) : table;
      },
    };
  },
};
