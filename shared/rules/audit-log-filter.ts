import { endOfDayIn, startOfDayIn } from '../home-time';

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
