import {
  contactPlanFrequencyLabels,
  contactPlanKindLabels,
  contactPlanKindNouns,
  type ContactArrangementView,
  type ContactPlanKind,
} from '../schemas/contact-plans';
import type { VisitKind } from '../schemas/visits';
import { formatUkDate } from '../format-dates';
import { planPeriodHolding, type CountedFrequency } from './contact-plan-periods';

/**
 * Booking against the contact plan (DESIGN, "Contact plan"): restrictions are the hard limits and
 * stop a booking (visit-restrictions.ts); the plan is what should happen, so a booking outside it
 * is a warning, in the plan's own words, never a block.
 *
 * Interpretation:
 * - Only bookings that are family contact are held against the plan: a visit at the home, a
 *   contact-centre visit or outing (a visit out), a phone or video call. Professional meetings and
 *   the PT's and CC's home visits are not.
 * - A young person with no plan recorded gets no warning: the plan has not been written yet, and
 *   a warning on every booking would teach staff to ignore them.
 * - For each family member coming, on each date of the booking: no arrangement with them at all;
 *   no arrangement of this kind in force on that date; or one that is supervised when no
 *   supervising member of staff is named. One warning per person and kind of departure.
 * - More often than planned: when every arrangement of this kind in force on a date has a set
 *   frequency (weekly, fortnightly, monthly), and that period already holds another contact of the
 *   kind with the person booked or held (or another date of this same booking), the booking goes
 *   beyond what was agreed. Cancelled and not-attended visits do not count; "as arranged" never warns.
 */

export type PlanBookingWarning = {
  readonly kind:
    'notInPlan' | 'kindNotInPlan' | 'outsidePlanDates' | 'needsSupervision' | 'moreOftenThanPlanned';
  readonly personId: string;
  readonly youngPersonId: string;
  readonly message: string;
};

export type PlanBookingInput = {
  readonly kind: VisitKind;
  readonly youngPersonIds: readonly string[];
  readonly people: readonly { readonly personId: string; readonly displayName: string }[];
  readonly isSupervised: boolean;
  /** The dates (YYYY-MM-DD, home zone) the booking falls on. */
  readonly dates: readonly string[];
  readonly youngPersonName: (id: string) => string;
  /** Other contacts already booked or held around these dates (not cancelled, not this booking). */
  readonly others?: readonly PlanBookedContact[];
};

export type PlanBookedContact = {
  /** The day it starts (YYYY-MM-DD, home zone). */
  readonly date: string;
  readonly kind: VisitKind;
  readonly youngPersonIds: readonly string[];
  readonly personIds: readonly string[];
};

const periodWords: Readonly<Record<CountedFrequency, string>> = {
  weekly: 'week',
  fortnightly: 'fortnight',
  monthly: 'month',
};

type PlanWordsArrangement = Pick<
  ContactArrangementView,
  'kind' | 'frequency' | 'where' | 'supervision' | 'supervisedBy' | 'wording' | 'startsOn' | 'endsOn'
>;

/** The plan kind a booking makes, or undefined for a booking the plan does not cover. */
export function planKindOfVisit(kind: VisitKind): ContactPlanKind | undefined {
  switch (kind) {
    case 'familyVisit':
      return 'visitAtHome';
    case 'contactCentre':
    case 'outing':
      return 'visitOut';
    case 'phoneCall':
      return 'phone';
    case 'videoCall':
      return 'video';
    case 'homeVisit':
    case 'pepMeeting':
    case 'learningConsultation':
    case 'reviewMeeting':
      return undefined;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * One arrangement in words, as the plan records it: "Fortnightly: visit at the home, in the family
 * room, supervised by a member of the care team, from 1 September 2026. The plan says: “…”".
 */
export function contactPlanWords(arrangement: PlanWordsArrangement): string {
  const how =
    arrangement.frequency === 'asArranged'
      ? `${contactPlanKindLabels[arrangement.kind]}, as arranged`
      : `${contactPlanFrequencyLabels[arrangement.frequency]} ${contactPlanKindNouns[arrangement.kind]}`;
  const parts = [
    how,
    arrangement.where ? `at ${arrangement.where}` : '',
    arrangement.supervision === 'supervised'
      ? `supervised${arrangement.supervisedBy ? ` by ${arrangement.supervisedBy}` : ''}`
      : 'unsupervised',
    `from ${formatUkDate(arrangement.startsOn)}${arrangement.endsOn ? ` until ${formatUkDate(arrangement.endsOn)}` : ''}`,
  ].filter(Boolean);
  const sentence = `${parts.join(', ')}.`;
  return arrangement.wording ? `${sentence} The plan says: “${arrangement.wording}”` : sentence;
}

const inForceOn = (arrangement: Pick<ContactArrangementView, 'startsOn' | 'endsOn'>, date: string) =>
  arrangement.startsOn <= date && (arrangement.endsOn === undefined || arrangement.endsOn >= date);

function agreed(arrangements: readonly PlanWordsArrangement[]): string {
  return arrangements.map(contactPlanWords).join(' ');
}

/** The plan's warnings for a booking (none when it keeps to the plan). */
export function bookingPlanWarnings(
  input: PlanBookingInput,
  arrangements: readonly Pick<
    ContactArrangementView,
    | 'youngPersonId'
    | 'personId'
    | 'kind'
    | 'frequency'
    | 'where'
    | 'supervision'
    | 'supervisedBy'
    | 'wording'
    | 'startsOn'
    | 'endsOn'
  >[],
): PlanBookingWarning[] {
  const planKind = planKindOfVisit(input.kind);
  if (planKind === undefined) return [];
  const warnings: PlanBookingWarning[] = [];
  const label = contactPlanKindLabels[planKind].toLowerCase();
  for (const youngPersonId of input.youngPersonIds) {
    const plan = arrangements.filter((arrangement) => arrangement.youngPersonId === youngPersonId);
    if (plan.length === 0) continue;
    const youngPerson = input.youngPersonName(youngPersonId);
    for (const person of input.people) {
      const base = { personId: person.personId, youngPersonId };
      const theirs = plan.filter((arrangement) => arrangement.personId === person.personId);
      if (theirs.length === 0) {
        warnings.push({
          ...base,
          kind: 'notInPlan',
          message: `${youngPerson}’s contact plan has no contact agreed with ${person.displayName}. Check with the Personal Tutor before going ahead.`,
        });
        continue;
      }
      const ofKind = theirs.filter((arrangement) => arrangement.kind === planKind);
      if (ofKind.length === 0) {
        warnings.push({
          ...base,
          kind: 'kindNotInPlan',
          message: `${youngPerson}’s contact plan does not include a ${label} with ${person.displayName}. The plan agrees: ${agreed(theirs)}`,
        });
        continue;
      }
      const outside = input.dates.find((date) => !ofKind.some((arrangement) => inForceOn(arrangement, date)));
      if (outside !== undefined) {
        warnings.push({
          ...base,
          kind: 'outsidePlanDates',
          message: `On ${formatUkDate(outside)} no ${label} with ${person.displayName} is in ${youngPerson}’s contact plan. The plan agrees: ${agreed(ofKind)}`,
        });
        continue;
      }
      const supervised = ofKind.filter((arrangement) => arrangement.supervision === 'supervised');
      if (!input.isSupervised && supervised.length === ofKind.length)
        warnings.push({
          ...base,
          kind: 'needsSupervision',
          message: `${youngPerson}’s contact plan says a ${label} with ${person.displayName} is supervised, and no supervising member of staff is chosen. The plan agrees: ${agreed(supervised)}`,
        });
      const tooOften = moreOftenThanPlanned(input, planKind, youngPersonId, person.personId, ofKind);
      if (tooOften)
        warnings.push({
          ...base,
          kind: 'moreOftenThanPlanned',
          message: `${tooOften.already}, in the same ${periodWords[tooOften.frequency]}. ${youngPerson}’s contact plan agrees: ${agreed(tooOften.arrangements)}`,
        });
    }
  }
  return warnings;
}

/**
 * The first date of the booking that goes beyond the plan's frequency, with what already fills its
 * period; undefined when none does.
 */
function moreOftenThanPlanned(
  input: PlanBookingInput,
  planKind: ContactPlanKind,
  youngPersonId: string,
  personId: string,
  ofKind: readonly PlanWordsArrangement[],
):
  | { already: string; frequency: CountedFrequency; arrangements: readonly PlanWordsArrangement[] }
  | undefined {
  const label = contactPlanKindLabels[planKind].toLowerCase();
  const otherDates = (input.others ?? [])
    .filter(
      (other) =>
        other.youngPersonIds.includes(youngPersonId) &&
        other.personIds.includes(personId) &&
        planKindOfVisit(other.kind) === planKind,
    )
    .map((other) => other.date);
  for (const [index, date] of input.dates.entries()) {
    const inForce = ofKind.filter((arrangement) => inForceOn(arrangement, date));
    const counted = inForce.flatMap((arrangement) =>
      arrangement.frequency === 'asArranged' ? [] : [{ ...arrangement, frequency: arrangement.frequency }],
    );
    if (counted.length === 0 || counted.length < inForce.length) continue;
    const full = counted.every((arrangement) => {
      const period = planPeriodHolding(arrangement.frequency, arrangement.startsOn, date);
      const within = (day: string) => day >= period.startsOn && day <= period.endsOn;
      return otherDates.some(within) || input.dates.some((other, at) => at !== index && within(other));
    });
    if (!full) continue;
    const first = counted[0];
    if (!first) continue;
    const period = planPeriodHolding(first.frequency, first.startsOn, date);
    const within = (day: string) => day >= period.startsOn && day <= period.endsOn;
    const booked = otherDates.filter(within).sort()[0];
    const person = input.people.find((candidate) => candidate.personId === personId)?.displayName ?? 'They';
    const already =
      booked !== undefined
        ? `${person} already has a ${label} on ${formatUkDate(booked)}, and this booking adds one on ${formatUkDate(date)}`
        : `This booking has more than one ${label} with ${person} (${input.dates.filter(within).map(formatUkDate).join(' and ')})`;
    return { already, frequency: first.frequency, arrangements: counted };
  }
  return undefined;
}

export type DoorPlanNote = {
  readonly youngPersonId: string;
  readonly text: string;
  /** The plan agrees no visit with this visitor: read before they go in. */
  readonly isOutsidePlan: boolean;
};

/** The plan's kinds that bring someone to the door: a visit here, collecting for a visit out or a stay. */
const doorKinds: ReadonlySet<ContactPlanKind> = new Set(['visitAtHome', 'visitOut', 'overnightAtHome']);

/**
 * What the plan says at the door about a visitor chosen from the people register, for each young
 * person they have come to see (DESIGN, "Contact plan": care staff read what they need at the door).
 * Information for the person at the door, never a block: restrictions are the hard limits and are
 * checked beside it. A young person with no plan gets no line, as at booking.
 */
export function planAtTheDoor(
  input: {
    readonly personId: string;
    readonly personName: string;
    readonly youngPersonIds: readonly string[];
    readonly today: string;
    readonly youngPersonName: (id: string) => string;
  },
  arrangements: readonly (PlanWordsArrangement &
    Pick<ContactArrangementView, 'youngPersonId' | 'personId'>)[],
): DoorPlanNote[] {
  return input.youngPersonIds.flatMap((youngPersonId): DoorPlanNote[] => {
    const plan = arrangements.filter(
      (arrangement) => arrangement.youngPersonId === youngPersonId && inForceOn(arrangement, input.today),
    );
    if (plan.length === 0) return [];
    const youngPerson = input.youngPersonName(youngPersonId);
    const theirs = plan.filter((arrangement) => arrangement.personId === input.personId);
    const visits = theirs.filter((arrangement) => doorKinds.has(arrangement.kind));
    if (visits.length > 0)
      return [
        { youngPersonId, isOutsidePlan: false, text: `${youngPerson}’s contact plan: ${agreed(visits)}` },
      ];
    return [
      {
        youngPersonId,
        isOutsidePlan: true,
        text:
          theirs.length === 0
            ? `${youngPerson}’s contact plan has no contact agreed with ${input.personName}. Check with the duty manager before they go in.`
            : `${youngPerson}’s contact plan has no visits agreed with ${input.personName}. Check with the duty manager before they go in. The plan agrees: ${agreed(theirs)}`,
      },
    ];
  });
}
