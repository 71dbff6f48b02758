import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { reviewSummaryRangeOf } from '@shared/rules/review-summary-keys';

/**
 * Stored termly-review summaries are derived from other tables, so any change to those
 * tables must delete the summaries it affects, in the same transaction, or the overview would show
 * a review that is no longer true. Rather than trust every repository to remember, this Dexie
 * middleware sits under all of them: every readwrite transaction that touches an input table is
 * widened to include `reviewSummaries`, and every write to an input table deletes the summaries of
 * the young people it concerns (all of them when that cannot be told from the rows).
 *
 * It also replaces a marker row (`inputsMarkerId`) with a new random token on every such write, so
 * an overview that worked summaries out from reads made before a write can tell, when it comes to
 * store them, that they may already be stale, and leave them unstored.
 */

export const reviewSummaryTable = 'reviewSummaries';

/** The id of the marker row: it sorts before any young person's id, so no young person's key range holds it. */
export const inputsMarkerId = '#inputs';

/** The settings rows a review reads: the home's (for its time zone) and the contact forms' (the hours allowed). */
export const reviewSettingKeys = { home: 'home', contactForms: 'contactForms' } as const;

type Affected =
  { readonly kind: 'all' } | { readonly kind: 'youngPeople'; readonly ids: ReadonlySet<string> };

const everyone: Affected = { kind: 'all' };
const settingKeys: ReadonlySet<string> = new Set(Object.values(reviewSettingKeys));

/** Which young people a stored row of each input table concerns; `undefined` when it cannot be told. */
const youngPeopleOfRow: Readonly<Record<string, (row: unknown) => readonly string[] | undefined>> = {
  contactForms: (row) => stringField(row, 'youngPersonId'),
  visits: (row) => stringsField(row, 'youngPersonIds'),
  relationships: (row) => stringField(row, 'youngPersonId'),
  restrictions: (row) => stringField(row, 'youngPersonId'),
  youngPeople: (row) => stringField(row, 'id'),
  contactArrangements: (row) => stringField(row, 'youngPersonId'),
};

/** Tables whose every change affects every summary (for settings, only the keys a review reads). */
const tablesAffectingEveryone: ReadonlySet<string> = new Set(['academicYears', 'settings']);

export const reviewInputTables: ReadonlySet<string> = new Set([
  ...Object.keys(youngPeopleOfRow),
  ...tablesAffectingEveryone,
]);

function stringField(row: unknown, field: string): readonly string[] | undefined {
  const value: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, field) : undefined;
  return typeof value === 'string' ? [value] : undefined;
}

function stringsField(row: unknown, field: string): readonly string[] | undefined {
  const value: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, field) : undefined;
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** The young people some rows concern, or everyone when any row does not say. */
function affectedByRows(table: string, rows: readonly unknown[]): Affected {
  const of = youngPeopleOfRow[table];
  if (!of) return everyone;
  const ids = new Set<string>();
  for (const row of rows) {
    if (row === undefined) continue; // a put of a new row: nothing was there before
    const found = of(row);
    if (found === undefined) return everyone;
    for (const id of found) ids.add(id);
  }
  return { kind: 'youngPeople', ids };
}

function affectedBySettings(request: DBCoreMutateRequest): Affected | undefined {
  if (request.type === 'deleteRange') return everyone;
  const keyOf = (row: unknown): unknown =>
    typeof row === 'object' && row !== null ? Reflect.get(row, 'key') : undefined;
  const keys: readonly unknown[] = request.type === 'delete' ? request.keys : request.values.map(keyOf);
  return keys.some((key) => typeof key !== 'string' || settingKeys.has(key)) ? everyone : undefined;
}

function union(first: Affected, second: Affected): Affected {
  if (first.kind === 'all' || second.kind === 'all') return everyone;
  return { kind: 'youngPeople', ids: new Set([...first.ids, ...second.ids]) };
}

/** A transaction's object store names, where the transaction is IndexedDB's own (it always is, below Dexie). */
function holdsStore(transaction: DBCoreTransaction, store: string): boolean {
  const names: unknown = Reflect.get(transaction, 'objectStoreNames');
  if (typeof names !== 'object' || names === null) return true;
  const contains: unknown = Reflect.get(names, 'contains');
  return typeof contains === 'function' ? Boolean(Reflect.apply(contains, names, [store])) : true;
}

// DBCoreRangeType is a const enum in Dexie's types: 2 is a bounded range, 3 the whole table.
const wholeTable: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };
const rangeOf = (youngPersonId: string): DBCoreKeyRange => ({
  type: 2,
  ...reviewSummaryRangeOf(youngPersonId),
  lowerOpen: false,
  upperOpen: false,
});

function invalidate(
  summaries: DBCoreTable,
  transaction: DBCoreTransaction,
  affected: Affected,
): Promise<unknown> {
  if (affected.kind === 'youngPeople' && affected.ids.size === 0) return Promise.resolve();
  const deletions =
    affected.kind === 'all'
      ? [summaries.mutate({ type: 'deleteRange', trans: transaction, range: wholeTable })]
      : [...affected.ids].map((id) =>
          summaries.mutate({ type: 'deleteRange', trans: transaction, range: rangeOf(id) }),
        );
  const marker = summaries.mutate({
    type: 'put',
    trans: transaction,
    values: [{ id: inputsMarkerId, token: crypto.randomUUID() }],
  });
  return Promise.all([...deletions, marker]);
}

function guardedTable(table: DBCoreTable, summaries: DBCoreTable): DBCoreTable {
  const name = table.name;
  const primaryKey = table.schema.primaryKey;
  return {
    ...table,
    mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (!holdsStore(request.trans, reviewSummaryTable)) return table.mutate(request);
      let invalidated: Promise<unknown>;
      if (name === 'settings') {
        const affected = affectedBySettings(request);
        invalidated = affected ? invalidate(summaries, request.trans, affected) : Promise.resolve();
      } else if (
        tablesAffectingEveryone.has(name) ||
        request.type === 'delete' ||
        request.type === 'deleteRange'
      ) {
        invalidated = invalidate(summaries, request.trans, everyone);
      } else if (request.type === 'add') {
        invalidated = invalidate(summaries, request.trans, affectedByRows(name, request.values));
      } else {
        // A put may move a row to another young person (a visit's young people edited): the
        // summaries of those it concerned before are stale too. The read is issued before the
        // write, so IndexedDB answers it with the rows as they were.
        const keyOf = (row: unknown): unknown => primaryKey.extractKey?.(row);
        const keys = request.keys ?? request.values.map(keyOf);
        const incoming = affectedByRows(name, request.values);
        invalidated = table
          .getMany({ trans: request.trans, keys })
          .then((before) =>
            invalidate(summaries, request.trans, union(incoming, affectedByRows(name, before))),
          );
      }
      const written = table.mutate(request);
      return Promise.all([invalidated, written]).then(([, response]) => response);
    },
  };
}

/**
 * The middleware, installed on every FamilyLinksDb. A database older than version 10 has no
 * summaries table (a restore fills one at the backup's own version, and upgrades run the older
 * versions' steps first): then transactions are left as they are and nothing is deleted.
 */
export const reviewSummaryInvalidation: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ReviewSummaryInvalidation',
  create(down: DBCore): Partial<DBCore> {
    const hasSummaries = down.schema.tables.some((table) => table.name === reviewSummaryTable);
    if (!hasSummaries) return {};
    const summaries = down.table(reviewSummaryTable);
    return {
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          !stores.includes(reviewSummaryTable) &&
          stores.some((store) => reviewInputTables.has(store));
        return down.transaction(widen ? [...stores, reviewSummaryTable] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return reviewInputTables.has(name) ? guardedTable(table, summaries) : table;
      },
    };
  },
};
