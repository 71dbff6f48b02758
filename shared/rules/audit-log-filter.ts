import { endOfDayIn, startOfDayIn } from '../home-time';
import { unreachable } from '../unreachable';

/**
 * Narrowing the audit log (DESIGN: audit and disclosure log, read by a manager): which entries a
 * filter asks for, as index reads that each give a set of entry numbers (`seq`), the entries
 * wanted being those in every set. Pure: the repository runs the reads against Dexie.
 *
 * Dates are calendar days on the home's clock (Europe/London by default), "from" and "to" both
 * inclusive: "to 30 March" runs to the start of 31 March there, across a clock change or not.
 */

/** Whose entries: one member of staff's, or those written before anyone was signed in (failed sign-ins). */
export type AuditActorFilter =
  { readonly kind: 'staff'; readonly staffId: string } | { readonly kind: 'notSignedIn' };

export type AuditLogFilter = {
  /** First day, `YYYY-MM-DD`, inclusive. */
  readonly fromDate?: string | undefined;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  readonly toDate?: string | undefined;
  readonly actor?: AuditActorFilter | undefined;
  /** Any of these action codes. An empty list matches nothing. */
  readonly actions?: readonly string[] | undefined;
  /** Entries about this young person or a record of theirs (the repository finds which records). */
  readonly youngPersonId?: string | undefined;
};

/** A record an entry is about, as the log names it: `[recordType, recordId]`. */
export type AuditRecordKey = readonly [recordType: string, recordId: string];

/** One index read. `at` bounds are ISO instants, `from` inclusive, `before` exclusive. */
export type AuditIndexRead =
  | { readonly kind: 'at'; readonly from: string | undefined; readonly before: string | undefined }
  | { readonly kind: 'actor'; readonly staffId: string }
  | { readonly kind: 'noActor' }
  | { readonly kind: 'actions'; readonly actions: readonly string[] }
  | { readonly kind: 'records'; readonly keys: readonly AuditRecordKey[] };

export type AuditLogQuery =
  | { readonly kind: 'everything' }
  | { readonly kind: 'nothing'; readonly reason: 'no-actions' | 'dates-reversed' }
  | { readonly kind: 'indexed'; readonly reads: readonly AuditIndexRead[] };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The index reads for `filter`. `youngPersonRecords` are the records that belong to the filter's
 * young person (the young person themself included); needed only when it names one.
 */
export function auditLogQuery(
  filter: AuditLogFilter,
  timeZone: string,
  youngPersonRecords: readonly AuditRecordKey[] = [],
): AuditLogQuery {
  const fromDate = filter.fromDate && isoDate.test(filter.fromDate) ? filter.fromDate : undefined;
  const toDate = filter.toDate && isoDate.test(filter.toDate) ? filter.toDate : undefined;
  if (fromDate && toDate && fromDate > toDate) return { kind: 'nothing', reason: 'dates-reversed' };
  if (filter.actions && filter.actions.length === 0) return { kind: 'nothing', reason: 'no-actions' };

  const reads: AuditIndexRead[] = [];
  // The likely smallest sets first: a young person's records, an action, a person, then the dates.
  if (filter.youngPersonId) reads.push({ kind: 'records', keys: youngPersonRecords });
  if (filter.actions) reads.push({ kind: 'actions', actions: [...new Set(filter.actions)] });
  if (filter.actor?.kind === 'staff') reads.push({ kind: 'actor', staffId: filter.actor.staffId });
  if (filter.actor?.kind === 'notSignedIn') reads.push({ kind: 'noActor' });
  if (fromDate || toDate)
    reads.push({
      kind: 'at',
      from: fromDate ? startOfDayIn(fromDate, timeZone) : undefined,
      before: toDate ? endOfDayIn(toDate, timeZone) : undefined,
    });
  return reads.length === 0 ? { kind: 'everything' } : { kind: 'indexed', reads };
}

/**
 * The entry numbers found by every read (each read's numbers in any order), newest (highest)
 * first. Works from the smallest set, so a narrow filter costs little however long the log.
 */
export function seqsInEverySet(sets: readonly (readonly number[])[]): number[] {
  if (sets.length === 0) return [];
  const bySize = [...sets].sort((a, b) => a.length - b.length);
  const [smallest = [], ...rest] = bySize;
  const others = rest.map((set) => new Set(set));
  const found = smallest.filter((seq) => others.every((set) => set.has(seq)));
  return [...new Set(found)].sort((a, b) => b - a);
}

/**
 * What one read is expected to cost, in entries: how many entries an index range holds (counted by
 * IndexedDB without reading them), or for a young person's records how many records there are,
 * each a lookup of its own.
 */
export type AuditReadSize = { readonly read: AuditIndexRead; readonly entries: number };

/**
 * How many entries read in full cost about as much as looking up one record's entries: each
 * lookup is a request of its own, where a range of entries comes back in one. On the
 * `audit-log-filtered-page` benchmark's log (2 cores, loaded) 1,333 lookups took 184 to 1,550 ms
 * and reading 10,000 entries of a year 115 to 290 ms: a lookup costs 10 to 40 entries. Only the
 * order of the two matters, so a rough figure serves.
 */
export const entriesPerRecordLookup = 20;

export type AuditLogPlan =
  /** Read the entries of `drive` and keep those matching every read (`auditEntryMatcher`). */
  | { readonly kind: 'check'; readonly drive: AuditIndexRead }
  /** Find each read's entry numbers and keep those in every set (`seqsInEverySet`). */
  | { readonly kind: 'intersect' };

/**
 * How to run a query's reads (DESIGN: nothing loads a whole table to show a page). A young person
 * can have thousands of records, each needing a lookup of its own, where a date range, a member of
 * staff or an action is one range of the index; so when one of those holds fewer entries than the
 * records cost to look up, its entries are read and the young person's records (and every other
 * condition) are checked on them in memory. Otherwise every read gives its entry numbers, which
 * cost little to find and compare. "Not signed in" has no index of its own and never drives.
 */
export function auditLogPlan(sizes: readonly AuditReadSize[]): AuditLogPlan {
  const records = sizes.find((size) => size.read.kind === 'records');
  if (!records || records.read.kind !== 'records') return { kind: 'intersect' };
  const recordsCost = records.read.keys.length * entriesPerRecordLookup;
  let cheapest: AuditReadSize | undefined;
  for (const size of sizes) {
    if (size.read.kind === 'records' || size.read.kind === 'noActor') continue;
    if (!cheapest || size.entries < cheapest.entries) cheapest = size;
  }
  return cheapest && cheapest.entries < recordsCost
    ? { kind: 'check', drive: cheapest.read }
    : { kind: 'intersect' };
}

/** The plain fields of an entry that a filter looks at. */
export type AuditEntryFields = {
  readonly at: string;
  readonly actorId?: string | undefined;
  readonly action: string;
  readonly recordType?: string | undefined;
  readonly recordId?: string | undefined;
};

/** Whether an entry passes every read, checked in memory: the same entries the index reads give. */
export function auditEntryMatcher(reads: readonly AuditIndexRead[]): (entry: AuditEntryFields) => boolean {
  const recordKey = (recordType: string, recordId: string) => JSON.stringify([recordType, recordId]);
  const checks = reads.map((read): ((entry: AuditEntryFields) => boolean) => {
    switch (read.kind) {
      case 'at':
        return (entry) =>
          (read.from === undefined || entry.at >= read.from) &&
          (read.before === undefined || entry.at < read.before);
      case 'actor':
        return (entry) => entry.actorId === read.staffId;
      case 'noActor':
        return (entry) => entry.actorId === undefined;
      case 'actions': {
        const actions = new Set(read.actions);
        return (entry) => actions.has(entry.action);
      }
      case 'records': {
        const keys = new Set(read.keys.map(([recordType, recordId]) => recordKey(recordType, recordId)));
        return (entry) =>
          entry.recordType !== undefined &&
          entry.recordId !== undefined &&
          keys.has(recordKey(entry.recordType, entry.recordId));
      }
      default:
        return unreachable(read, 'audit index read');
    }
  });
  return (entry) => checks.every((check) => check(entry));
}
