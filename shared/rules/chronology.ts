import { addDays, dayStartMs } from '../home-time';
import { kindsOf } from '../schemas/common';

/**
 * A young person's chronology (DESIGN: "each young person has one time-ordered record of contact,
 * visits, door events, restrictions and plan changes"): what each register says happened, placed
 * in one list, newest first.
 *
 * `contactPlan` is the contact plan's changes (DESIGN, "Contact plan"). No contact plan is stored
 * yet; when one is, its changes join the chronology as events of this kind, and the filters,
 * ordering and printed copy already take them.
 */
export const chronologyKindLabels = {
  contactForm: 'Contact forms',
  visit: 'Visits',
  door: 'At the front door',
  restriction: 'Restrictions',
  contactPlan: 'Contact plan changes',
} as const satisfies Record<string, string>;
export type ChronologyKind = keyof typeof chronologyKindLabels;
export const chronologyKinds = kindsOf(chronologyKindLabels);

/**
 * One thing that happened, as each source hands it to the chronology. `key` is unique across the
 * whole chronology (a record can give several events: a restriction recorded, changed, ended).
 * `at` is an ISO instant. `personIds` are the family members it concerns, when known: a sealed
 * record's are known only once it is opened, and until then it is `undefined`.
 */
export type ChronologyEvent = {
  readonly key: string;
  readonly kind: ChronologyKind;
  readonly at: string;
  readonly personIds?: readonly string[] | undefined;
};

/** What the chronology may be narrowed to. Dates are calendar dates (YYYY-MM-DD) on the home's clock, both inclusive. */
export type ChronologyFilter = {
  /** Only these kinds; empty or absent means every kind. */
  readonly kinds?: readonly ChronologyKind[] | undefined;
  /** Only events that concern this family member. */
  readonly personId?: string | undefined;
  readonly fromDate?: string | undefined;
  readonly toDate?: string | undefined;
};

/** Which comes first among events at the same instant: the order the kinds are listed in. */
const kindRank: Readonly<Record<ChronologyKind, number>> = {
  contactForm: 0,
  visit: 1,
  door: 2,
  restriction: 3,
  contactPlan: 4,
};

/**
 * Every source's events in one list, newest first. Instants are compared as instants, not as text
 * (a stored "…:00Z" and "…:00.000Z" are the same moment). Events at the same instant keep one order
 * whatever order the sources came in: by kind (forms, visits, door, restrictions, plan) and then by
 * key, so a list printed twice reads the same.
 */
export function mergeChronology<Event extends ChronologyEvent>(
  sources: readonly (readonly Event[])[],
): Event[] {
  const placed: { readonly ms: number; readonly event: Event }[] = [];
  for (const source of sources) for (const event of source) placed.push({ ms: Date.parse(event.at), event });
  placed.sort(
    (a, b) =>
      b.ms - a.ms ||
      kindRank[a.event.kind] - kindRank[b.event.kind] ||
      (a.event.key < b.event.key ? -1 : a.event.key > b.event.key ? 1 : 0),
  );
  return placed.map((item) => item.event);
}

/**
 * The instants a filter's dates stand for on the home's clock: from the start of `fromDate` to the
 * start of the day after `toDate` (exclusive). A day of a clock change is 23 or 25 hours long, and
 * this counts it whole.
 */
export function chronologyRange(
  filter: Pick<ChronologyFilter, 'fromDate' | 'toDate'>,
  timeZone: string,
): { readonly fromMs: number | undefined; readonly toMs: number | undefined } {
  return {
    fromMs: filter.fromDate ? dayStartMs(filter.fromDate, timeZone) : undefined,
    toMs: filter.toDate ? dayStartMs(addDays(filter.toDate, 1), timeZone) : undefined,
  };
}

/** Whether `event` is of a kind and in the dates `filter` asks for (the checks that need no opened record). */
export function matchesKindAndDates(
  event: ChronologyEvent,
  filter: ChronologyFilter,
  range: ReturnType<typeof chronologyRange>,
): boolean {
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(event.kind)) return false;
  if (range.fromMs === undefined && range.toMs === undefined) return true;
  const ms = Date.parse(event.at);
  if (range.fromMs !== undefined && ms < range.fromMs) return false;
  if (range.toMs !== undefined && ms >= range.toMs) return false;
  return true;
}

/**
 * What the person at the screen asked to see, in the order given. A family-member filter keeps only
 * events known to concern that person: an event whose people are not yet known (its record not
 * opened) is left out, never guessed in.
 */
export function filterChronology<Event extends ChronologyEvent>(
  events: readonly Event[],
  filter: ChronologyFilter,
  timeZone: string,
): Event[] {
  const range = chronologyRange(filter, timeZone);
  return events.filter(
    (event) =>
      matchesKindAndDates(event, filter, range) &&
      (filter.personId === undefined || (event.personIds ?? []).includes(filter.personId)),
  );
}
