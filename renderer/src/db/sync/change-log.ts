import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { reviewSummaryTable } from '../review-summary-invalidation';

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

function loggedTable(table: DBCoreTable, device: DBCoreTable, changeLog: DBCoreTable): DBCoreTable {
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
      const logged = (keys: readonly unknown[]) => (response: DBCoreMutateResponse) =>
        state.device.then((row) => {
          if (!row) return response;
          const changes = changesOf(table, request, response, keys);
          if (changes.length === 0) return response;
          const first = state.nextSeq ?? row.nextSeq;
          state.nextSeq = first + changes.length;
          const entries: ChangeLogRow[] = changes.map((change, index) => ({
            seq: first + index,
            table: table.name,
            ...change,
          }));
          // Each write puts the device row again with the number after its own: the last put,
          // which IndexedDB applies last, holds the highest.
          return Promise.all([
            changeLog.mutate({ type: 'add', trans, values: entries }),
            device.mutate({ type: 'put', trans, values: [{ ...row, nextSeq: state.nextSeq }] }),
          ]).then(([added]) => {
            if (added.numFailures > 0) throw new Error('The change log could not be written');
            return response;
          });
        });
      if (request.type !== 'deleteRange') return table.mutate(request).then(logged([]));
      // A range deletion names no keys: read them first (the read is answered before the write).
      return state.device.then((row) =>
        row
          ? table
              .query({
                trans,
                values: false,
                query: { index: table.schema.primaryKey, range: request.range },
              })
              .then((found) => table.mutate(request).then(logged(found.result)))
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
    const extra = [syncTables.device, syncTables.changeLog];
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some(isReplicatedTable);
        const scope = widen ? [...new Set([...stores, ...extra])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return isReplicatedTable(name) ? loggedTable(table, device, changeLog) : table;
      },
    };
  },
};
