import {
  contactPlanKindNouns,
  type ContactArrangementView,
  type ContactPlanFrequency,
  type ContactPlanKind,
} from '../schemas/contact-plans';
import { addDays } from '../home-time';
import {
  daysFromTo,
  monthStartOf,
  nextMonthStart,
  weeklyPeriodStart,
  type CountedFrequency as Counted,
} from './contact-plan-periods';
import { evidenceOf, type Contact, type Evidence } from './contact-minimums';
import { planKindOfVisit } from './contact-plan-booking';
import { daySpan, isWithin, type DaySpan } from './termly-calendar';

/**
 * Contact against the plan (DESIGN, "Contact plan"; rule 7): for one arrangement of a young
 * person's contact plan and one span of dates (a term), how many of the plan's periods had a contact
 * of that kind with that person held in them: "weekly call planned: 9 of 13 weeks".
 *
 * The interpretation, precisely:
 * - Periods are on the home's clock: weeks run Monday to Sunday (as the weekly parent updates
 *   count them), fortnights are pairs of those weeks counted from the week the arrangement started,
 *   and months are calendar months. A contact falls in the period whose home-time days hold its
 *   start, so a call at 00:30 on a Monday in British Summer Time is in that Monday's week, though
 *   it is still Sunday in UTC; a week with a clock change is still one week.
 * - Only the days the arrangement and the placement both cover count: a plan starting or ending
 *   mid-term counts only its own periods. A part period at either edge counts when more than half
 *   its days are covered, or when a contact was held in it (it can only help, never count against).
 * - A period counts once it is over; the period under way counts only once a contact is held in it,
 *   so a review part-way through a term is not marked down for a week that has not ended.
 * - Held means held: a completed visit, or a contact form, of the matching kind with the person
 *   among those who took part. Booked, cancelled and not-attended visits do not count.
 */

/** Which plan kind a held contact is, if any: its booking's kind first, else its form's. */
export function planKindOfContact(
  contact: Pick<Contact, 'visitKind' | 'formKind'>,
): ContactPlanKind | undefined {
  if (contact.visitKind !== undefined) return planKindOfVisit(contact.visitKind);
  switch (contact.formKind) {
    case 'visit':
      return 'visitAtHome';
    case 'phoneCall':
      return 'phone';
    case 'videoCall':
      return 'video';
    case 'letter':
      return 'letters';
    case 'email':
      return 'messages';
    case 'homeVisit':
    case 'meeting':
    case 'chanceEncounter':
    case undefined:
      return undefined;
    default: {
      const unreachable: never = contact.formKind;
      return unreachable;
    }
  }
}

/** Plan kinds no record in the app stands for yet: they are shown, never counted as missed. */
const kindsNotRecorded: ReadonlySet<ContactPlanKind> = new Set(['overnightAtHome']);

export type PlanPeriod = DaySpan & {
  /** Days of the period inside the span counted, and how many days a whole one has. */
  readonly daysCovered: number;
  readonly daysInFull: number;
};

const unitWords: Readonly<Record<Counted, readonly [string, string]>> = {
  weekly: ['week', 'weeks'],
  fortnightly: ['fortnight', 'fortnights'],
  monthly: ['month', 'months'],
};

/**
 * The plan's periods that touch `from`..`to` (dates, both inclusive), each cut to those dates.
 * `anchor` is the arrangement's first day: fortnights are counted from its week.
 */
export function planPeriods(
  frequency: Counted,
  anchor: string,
  from: string,
  to: string,
  timeZone: string,
): PlanPeriod[] {
  const periods: PlanPeriod[] = [];
  const push = (startsOn: string, endsOn: string) => {
    const cutFrom = startsOn < from ? from : startsOn;
    const cutTo = endsOn > to ? to : endsOn;
    if (cutFrom > cutTo) return;
    periods.push({
      ...daySpan(cutFrom, cutTo, timeZone),
      daysCovered: daysFromTo(cutFrom, cutTo),
      daysInFull: daysFromTo(startsOn, endsOn),
    });
  };
  if (frequency === 'monthly') {
    for (let start = monthStartOf(from); start <= to; start = nextMonthStart(start))
      push(start, addDays(nextMonthStart(start), -1));
    return periods;
  }
  const step = frequency === 'weekly' ? 7 : 14;
  // From the period holding `from` (fortnights keep their phase from the anchor's week).
  let start = weeklyPeriodStart(step, anchor, from < anchor ? anchor : from);
  for (; start <= to; start = addDays(start, step)) push(start, addDays(start, step - 1));
  return periods;
}

/** The dates both spans cover, or undefined when they do not meet. */
function overlap(
  first: { readonly startsOn: string; readonly endsOn: string },
  second: { readonly startsOn: string; readonly endsOn?: string | undefined },
): { startsOn: string; endsOn: string } | undefined {
  const startsOn = first.startsOn > second.startsOn ? first.startsOn : second.startsOn;
  const endsOn = second.endsOn !== undefined && second.endsOn < first.endsOn ? second.endsOn : first.endsOn;
  return startsOn <= endsOn ? { startsOn, endsOn } : undefined;
}

export type PlanStatus = 'red' | 'amber' | 'green' | 'notDue';

export type ContactAgainstPlan = {
  readonly arrangementId: string;
  readonly personId: string;
  readonly kind: ContactPlanKind;
  readonly frequency: ContactPlanFrequency;
  /** "weekly call planned: 9 of 13 weeks". */
  readonly value: string;
  readonly status: PlanStatus;
  /** Periods counted, and those with a contact held. Both 0 when nothing is counted. */
  readonly periods: number;
  readonly periodsHeld: number;
  readonly held: Evidence;
};

export type ContactAgainstPlanInput = {
  readonly arrangement: Pick<
    ContactArrangementView,
    'id' | 'personId' | 'kind' | 'frequency' | 'startsOn' | 'endsOn'
  >;
  /** The span asked about (a term), dates inclusive. */
  readonly span: { readonly startsOn: string; readonly endsOn: string };
  /** The days the young person was placed in that span; null when not placed in it at all. */
  readonly placed?: { readonly startsOn: string; readonly endsOn: string } | null;
  /** The young person's contacts (any kind, anyone): those that count are picked here. */
  readonly contacts: readonly Contact[];
  readonly now: Date;
  readonly timeZone: string;
};

function plural(count: number, [one, many]: readonly [string, string]): string {
  return count === 1 ? one : many;
}

/** How one arrangement was kept in one span of dates. */
export function contactAgainstPlan(input: ContactAgainstPlanInput): ContactAgainstPlan {
  const { arrangement, timeZone } = input;
  const noun = contactPlanKindNouns[arrangement.kind];
  const base = {
    arrangementId: arrangement.id,
    personId: arrangement.personId,
    kind: arrangement.kind,
    frequency: arrangement.frequency,
  };
  const placedSpan = input.placed === undefined ? input.span : input.placed;
  const within = placedSpan ? overlap(input.span, placedSpan) : undefined;
  const window = within ? overlap(within, arrangement) : undefined;
  const windowSpan = window ? daySpan(window.startsOn, window.endsOn, timeZone) : undefined;
  const held = windowSpan
    ? input.contacts.filter(
        (contact) =>
          contact.state === 'held' &&
          contact.personIds.includes(arrangement.personId) &&
          planKindOfContact(contact) === arrangement.kind &&
          isWithin(contact.startsMs, windowSpan),
      )
    : [];
  const none = { periods: 0, periodsHeld: 0, held: evidenceOf(held) };
  if (!window) return { ...base, ...none, value: `${noun}: not planned in these dates`, status: 'notDue' };
  if (kindsNotRecorded.has(arrangement.kind))
    return { ...base, ...none, value: `${noun}: not recorded in Family Links`, status: 'notDue' };
  if (arrangement.frequency === 'asArranged')
    return { ...base, ...none, value: `${noun} as arranged: ${held.length} held`, status: 'notDue' };

  const nowMs = input.now.getTime();
  let periods = 0;
  let periodsHeld = 0;
  for (const period of planPeriods(
    arrangement.frequency,
    arrangement.startsOn,
    window.startsOn,
    window.endsOn,
    timeZone,
  )) {
    const wasHeld = held.some((contact) => isWithin(contact.startsMs, period));
    const isOver = period.endsMs <= nowMs;
    const isMostlyCovered = period.daysCovered * 2 > period.daysInFull;
    if (wasHeld || (isOver && isMostlyCovered)) periods += 1;
    if (wasHeld) periodsHeld += 1;
  }
  const missed = periods - periodsHeld;
  const status: PlanStatus =
    periods === 0 ? 'notDue' : missed === 0 ? 'green' : missed === 1 ? 'amber' : 'red';
  return {
    ...base,
    periods,
    periodsHeld,
    held: evidenceOf(held),
    value: `${arrangement.frequency} ${noun} planned: ${periodsHeld} of ${periods} ${plural(periods, unitWords[arrangement.frequency])}`,
    status,
  };
}

/**
 * The instants at which `contactAgainstPlan` could change by the clock alone: the end of each of
 * the plan's periods in the span (a period counts once it is over).
 */
export function planPeriodEnds(input: Omit<ContactAgainstPlanInput, 'contacts' | 'now'>): number[] {
  const { arrangement } = input;
  if (arrangement.frequency === 'asArranged') return [];
  const placedSpan = input.placed === undefined ? input.span : input.placed;
  const within = placedSpan ? overlap(input.span, placedSpan) : undefined;
  const window = within ? overlap(within, arrangement) : undefined;
  if (!window) return [];
  return planPeriods(
    arrangement.frequency,
    arrangement.startsOn,
    window.startsOn,
    window.endsOn,
    input.timeZone,
  ).map((period) => period.endsMs);
}

/**
 * Arrangements whose review date falls by `dueBy` (or has passed), still in force or yet to start
 * on `today`, soonest first: the plan is reviewed as the placement plan is, so a missed review is
 * listed until someone records a new review date or ends the arrangement.
 */
export function arrangementsDueForReview<
  Arrangement extends Pick<ContactArrangementView, 'reviewOn' | 'endsOn'>,
>(arrangements: readonly Arrangement[], today: string, dueBy: string): Arrangement[] {
  return arrangements
    .filter(
      (arrangement) =>
        arrangement.reviewOn !== undefined &&
        arrangement.reviewOn <= dueBy &&
        (arrangement.endsOn === undefined || arrangement.endsOn >= today),
    )
    .sort((a, b) => (a.reviewOn ?? '').localeCompare(b.reviewOn ?? ''));
}
