import { formatUkDayMonth } from '../format-dates';
import type { ContactForm, ContactKind } from '../schemas/contact-forms';
import type { Relationship } from '../schemas/people';
import type { Restriction } from '../schemas/registers';
import {
  contactFormStatus,
  defaultContactFormDueHours,
  type ContactFormStatus,
} from './contact-form-deadline';
import type { AcademicYearDates } from './academic-calendar';
import {
  contactMinimums,
  contactsFrom,
  evidenceOf,
  familyCircle,
  policyMinimums,
  yearlyConsultationsRequired,
  yearlyHomeVisitsRequired,
  type Contact,
  type ContactMinimums,
  type Evidence,
  type MinimumsContactForm,
  type MinimumsVisit,
  type MinimumsYoungPerson,
  type RecordRef,
  type TermMinimums,
} from './contact-minimums';
import { addDays, calendarDateOf } from '../home-time';
import { defaultTimeZone } from '../schemas/home';
import { daySpan, isWithin, type Phase } from './termly-calendar';
import { contactAgainstPlan, type ContactAgainstPlan, type ContactAgainstPlanInput } from './contact-plan';
import { termVoices, type TermVoices, type VoiceAnswers } from './voices';
import { kindsOf } from '../schemas/common';
import { restrictionTimeline } from './restriction-versions';
import type { RestrictionKind } from './restriction-effects';

/**
 * The termly review (seed 004, 5.2 and 5.5): for one young person and one term, each of
 * the policy's figures with a red, amber or green status and its reason in words, contact per
 * family member, and the forms' timeliness. Pure: every figure lists the records behind it.
 *
 * What the colours mean (the same for every figure):
 * - **green**: the policy's minimum is met (or on track, for a yearly minimum part-way through the year);
 * - **amber**: not met yet but still in hand: the term is under way, something is booked, the year is
 *   still on track, or the minimum is met only in part (a home visit without both the PT and CC);
 * - **red**: missed: the term (or the window) ended without it, the year can no longer reach its
 *   minimum on pace, or a form is overdue;
 * - **notDue**: nothing is asked yet (the term has not started, or no week of it has ended).
 *
 * The figures, precisely:
 * - *Only the weeks placed count*: a term before the placement started or after it ended is not
 *   due in every figure ("Not placed"), never red; a term placed for fewer than
 *   `termlyMinimumsFromWeeks` weeks asks for no home visit, PEP invitation or learning-programme
 *   update, and says so with the dates; a part term's weekly updates count only the weeks placed.
 * - *Home visit this term*: green with at least one held that both the PT and CC attended; amber when
 *   held without both. None held once the term has ended: red, whatever the year's total ("each
 *   term" is the rule). A term under way with none is amber while one is booked or more than three
 *   weeks remain, red after that.
 * - *Home visits this year (3)*: one for each term placed long enough, up to three. Green when it
 *   is met with no term missed, or when every term so far (this one included) had one; amber when
 *   no term was missed but this term's is still to come, or when a term was missed but the total is
 *   on track; red when a term was missed and the terms left cannot make it up at one a term.
 * - *Weekly parent updates*: weeks of term already over with no update from the PT to a parent:
 *   none missed green, one or two amber, three or more red.
 * - *PEP invitation* and *learning-programme update* (each term): green with one; none: amber while
 *   the term runs, red once it has ended.
 * - *Weekly updates offered at the start of each half term*: red if a window passed with no offer,
 *   amber while a window is open without one, green when every window so far had one.
 * - *Learning Mentor's family-home visit* (one a year): green once held; red once the year has ended
 *   without it, or in the summer term with none booked; amber otherwise. For a placement that ends
 *   before the year does, its last placed term stands for the summer term and its end for the year's.
 * - *Learning consultations offered* (three a year): counted to the end of this term against one a
 *   term: level or ahead green; one behind amber (red once the year, or the placement, is over);
 *   further behind red.
 * - *Forms*: red if any is overdue; amber if any was filed late (or its filing time is before the
 *   contact ended, a date to check); green when all are on time or still within the time allowed.
 *   Each form is judged by its own stored `dueAt`, the deadline it was given when it was started
 *   (seed 004 §5.2.1, "within 48 hours", the home's hours at the time), as the forms list is.
 * - *Family member*: green with any contact in the term; none: red for a parent, step-parent,
 *   brother or sister, or anyone with parental responsibility once the term has ended, amber for
 *   wider family or while the term runs. Someone restricted during the term shows as **restricted**,
 *   not as a gap (for "no contact", whatever the count).
 */

export type RagStatus = 'red' | 'amber' | 'green' | 'notDue';
export type FamilyStatus = RagStatus | 'restricted';

export const figureLabels = {
  homeVisit: 'Home visit this term',
  homeVisitsYear: 'Home visits this year (minimum 3)',
  parentUpdates: 'Weekly parent updates',
  pepInvitation: 'PEP meeting invitation',
  learningProgrammeUpdate: 'Learning-programme update',
  halfTermOffers: 'Weekly updates offered each half term',
  learningMentorHomeVisit: 'Learning Mentor’s family-home visit',
  learningConsultations: 'Learning consultations offered (3 a year)',
  forms: 'Contact forms on time',
} as const satisfies Record<string, string>;
export type FigureKey = keyof typeof figureLabels;
export const figureKeys = kindsOf(figureLabels);

export type ReviewFigure = {
  readonly key: FigureKey;
  readonly label: string;
  /** The figure itself, short: "1 held", "12 of 14 weeks", "2 of 3". */
  readonly value: string;
  readonly status: RagStatus;
  readonly reason: string;
  readonly records: readonly RecordRef[];
};

export type ReviewFamilyMember = {
  readonly personId: string;
  readonly name: string;
  readonly relationship: string;
  readonly category: Relationship['category'];
  readonly hasParentalResponsibility: boolean;
};

/** A restriction as the review reads it: its current version, and the earlier ones when it has changed. */
export type ReviewRestriction = Pick<
  Restriction,
  'id' | 'personId' | 'kind' | 'effectiveFrom' | 'effectiveTo' | 'endedAt'
> &
  Partial<Pick<Restriction, 'earlierTerms'>>;

export type FamilyMemberFigure = {
  readonly personId: string;
  readonly name: string;
  readonly relationship: string;
  readonly contacts: Evidence;
  readonly status: FamilyStatus;
  readonly reason: string;
  readonly restrictionIds: readonly string[];
};

/**
 * A form as the review reads it. `dueAt` is the deadline the form was given when it was started
 * (the one the forms list, its status and the overdue alerts measure from); a form without one is
 * measured from the home's `dueHours`.
 */
export type ReviewForm = Pick<ContactForm, 'id' | 'contactStartedAt' | 'contactEndedAt' | 'filedAt'> &
  Partial<Pick<ContactForm, 'amendsFormId' | 'dueAt'>> &
  VoiceAnswers;

export type FormTimeliness = {
  readonly onTime: Evidence;
  readonly late: Evidence;
  readonly overdue: Evidence;
  /** Not filed, still inside the time allowed. */
  readonly due: Evidence;
  /** Filed before the contact ended: a date entered wrongly. */
  readonly datesToCheck: Evidence;
};

export type TermReview = {
  readonly youngPersonId: string;
  readonly yearLabel: string;
  readonly termName: TermMinimums['term']['name'];
  readonly termStartsOn: string;
  readonly termEndsOn: string;
  readonly phase: Phase;
  readonly contactsByKind: readonly { readonly kind: ContactKind; readonly contacts: Evidence }[];
  readonly figures: readonly ReviewFigure[];
  readonly family: readonly FamilyMemberFigure[];
  /**
   * Each arrangement of the contact plan in force during the term, against the contact held
   * ("weekly call planned: 9 of 13 weeks"). Shown beside the figures, not in `overall`: the plan
   * is what should happen, the policy's minimums are what the colours answer for.
   */
  readonly contactPlan: readonly ContactAgainstPlan[];
  readonly forms: FormTimeliness;
  /**
   * How the family felt about our work and whether the young person's views were acted on
   * (shared/rules/voices.ts). Counted, not coloured: the policy sets no minimum for them.
   */
  readonly voices: TermVoices;
  /** The worst status among the figures and family members (restricted and notDue set aside). */
  readonly overall: RagStatus;
};

/** What a review reads beside the contacts and forms: the family, the restrictions, the plan and the clock. */
type ReviewContext = {
  readonly family: readonly ReviewFamilyMember[];
  readonly restrictions: readonly ReviewRestriction[];
  /** The young person's contact-plan arrangements (any dates: those in force in the term are taken). */
  readonly plan?: readonly ReviewArrangement[];
  readonly now: Date;
  readonly timeZone?: string;
  /**
   * The home's time allowed for a form, in hours: only for a form with no stored `dueAt`. A form
   * is judged by the deadline it was given, so changing the setting does not re-judge past terms.
   */
  readonly dueHours?: number;
};

export type TermReviewInput = ReviewContext & {
  readonly youngPersonId: string;
  readonly minimums: ContactMinimums;
  readonly termIndex: number;
  /** The same contacts the minimums were worked out from. */
  readonly contacts: readonly Contact[];
  readonly forms: readonly ReviewForm[];
};

export type ReviewArrangement = ContactAgainstPlanInput['arrangement'];

const termWords = { autumn: 'autumn term', spring: 'spring term', summer: 'summer term' } as const;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function listDates(dates: readonly string[]): string {
  const shown = dates.slice(0, 4).map(formatUkDayMonth).join(', ');
  return dates.length > 4 ? `${shown} and ${dates.length - 4} more` : shown;
}

const visitKindAsContact: Readonly<Record<NonNullable<Contact['visitKind']>, ContactKind>> = {
  familyVisit: 'visit',
  homeVisit: 'homeVisit',
  contactCentre: 'visit',
  outing: 'visit',
  phoneCall: 'phoneCall',
  videoCall: 'videoCall',
  pepMeeting: 'meeting',
  learningConsultation: 'meeting',
  reviewMeeting: 'meeting',
};

/** What kind a contact is on the review: its form's kind, or its booking's nearest kind. */
export function contactKindOf(contact: Contact): ContactKind {
  if (contact.formKind !== undefined) return contact.formKind;
  return contact.visitKind === undefined ? 'meeting' : visitKindAsContact[contact.visitKind];
}

/**
 * Where the placement leaves a term, in words: "" for a whole term, else when the young person
 * was placed and for how many of its weeks ("Placed from 12 Jan, 6 of the 12 weeks of the spring term").
 */
export function placementWords(term: TermMinimums): string {
  const name = termWords[term.term.name];
  const placed = term.placed;
  if (!placed) return `Not placed at the home during the ${name}.`;
  const from = placed.startsOn > term.term.startsOn;
  const until = placed.endsOn < term.term.endsOn;
  if (!from && !until) return '';
  const when = [
    from ? `from ${formatUkDayMonth(placed.startsOn)}` : '',
    until ? `until ${formatUkDayMonth(placed.endsOn)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `Placed ${when}, ${term.placedWeeks} of the ${plural(term.termWeeks, 'week')} of the ${name}.`;
}

/**
 * A figure for a term the young person was not placed in, or not long enough for its minimums,
 * or one that has not started; undefined when the minimums are due.
 */
function notDueYet(
  base: { key: FigureKey; label: string },
  term: TermMinimums,
  what: string,
): ReviewFigure | undefined {
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records: [] };
  if (term.termlyMinimumsDue)
    return term.phase === 'notStarted'
      ? {
          ...base,
          value: 'Not due yet',
          status: 'notDue',
          reason: `The ${termWords[term.term.name]} has not started.`,
          records: [],
        }
      : undefined;
  return {
    ...base,
    value: 'Not due',
    status: 'notDue',
    reason: `${placementWords(term)} ${what} was not due: the policy’s termly minimums apply from ${policyMinimums.termlyMinimumsFromWeeks} weeks placed.`,
    records: [],
  };
}

/** " (placed from 12 Jan, …)" after a reason, for a part term. */
function withPlacement(reason: string, term: TermMinimums): string {
  const words = placementWords(term);
  return words === '' ? reason : `${reason} ${words}`;
}

function homeVisitFigure(term: TermMinimums): ReviewFigure {
  const base = { key: 'homeVisit' as const, label: figureLabels.homeVisit };
  const name = termWords[term.term.name];
  const held = term.homeVisitsHeld;
  if (held.count > 0) {
    const records = held.records;
    if (term.homeVisitsWithPtAndCc.count > 0) {
      return {
        ...base,
        value: `${held.count} held`,
        status: 'green',
        reason: `${plural(held.count, 'home visit')} in the ${name}, with the Personal Tutor and Case Co-ordinator.`,
        records,
      };
    }
    return {
      ...base,
      value: `${held.count} held`,
      status: 'amber',
      reason: `${plural(held.count, 'home visit')} in the ${name}, but none with both the Personal Tutor and the Case Co-ordinator (the policy expects both, usually).`,
      records,
    };
  }
  const notDue = notDueYet(base, term, 'A home visit');
  if (notDue) return notDue;
  if (term.phase === 'current') {
    if (term.homeVisitsBooked.count > 0) {
      return {
        ...base,
        value: 'Booked',
        status: 'amber',
        reason: `None held yet in the ${name}; ${plural(term.homeVisitsBooked.count, 'home visit is', 'home visits are')} booked.`,
        records: term.homeVisitsBooked.records,
      };
    }
    const status = term.weeksLeft > 3 ? 'amber' : 'red';
    return {
      ...base,
      value: 'None yet',
      status,
      reason: withPlacement(
        `No home visit held or booked in the ${name}, with ${plural(term.weeksLeft, 'week')} of term left.`,
        term,
      ),
      records: [],
    };
  }
  // "Each term" is the rule (5.2.1): a term without one is missed whatever the year's total.
  return {
    ...base,
    value: 'None held',
    status: 'red',
    reason: withPlacement(`No home visit in the ${name}: the policy asks for a home visit each term.`, term),
    records: [],
  };
}

function homeVisitsYearFigure(minimums: ContactMinimums, term: TermMinimums): ReviewFigure {
  const base = { key: 'homeVisitsYear' as const, label: figureLabels.homeVisitsYear };
  const upTo = minimums.terms.slice(0, term.index + 1);
  const held = upTo.reduce((total, each) => total + each.homeVisitsHeld.count, 0);
  const records = upTo.flatMap((each) => each.homeVisitsHeld.records);
  const required = yearlyHomeVisitsRequired(minimums.terms);
  const value = `${held} of ${required}`;
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records };
  if (term.phase === 'notStarted')
    return { ...base, value, status: 'notDue', reason: 'This term has not started.', records };
  if (required === 0)
    return {
      ...base,
      value: 'Not due',
      status: 'notDue',
      reason: `Not placed for ${policyMinimums.termlyMinimumsFromWeeks} weeks of any term this year, so no home visit is due.`,
      records,
    };
  const part = required < policyMinimums.homeVisitsPerYear ? ` (one for each term placed)` : '';
  const dueSoFar = upTo.filter((each) => each.termlyMinimumsDue && each.phase === 'ended');
  const missed = dueSoFar.filter((each) => each.homeVisitsHeld.count === 0);
  const missedWords = missed.map((each) => termWords[each.term.name]).join(' and the ');
  const termsLeft = minimums.terms.filter(
    (each) => each.index >= term.index && each.termlyMinimumsDue && each.phase !== 'ended',
  ).length;
  if (missed.length === 0) {
    const dueUpTo = upTo.filter((each) => each.termlyMinimumsDue);
    const everyTermHadOne = dueUpTo.every((each) => each.homeVisitsHeld.count > 0);
    if (held >= required || (dueUpTo.length > 0 && everyTermHadOne))
      return {
        ...base,
        value,
        status: 'green',
        reason:
          held >= required
            ? `${plural(held, 'home visit')} this year, none of its terms missed: the minimum of ${required}${part} is met.`
            : `${plural(held, 'home visit')} so far this year, one in every term so far: on track for ${required}${part}.`,
        records,
      };
    if (dueUpTo.length === 0)
      return {
        ...base,
        value,
        status: 'notDue',
        reason: withPlacement(`No home visit is due yet: ${required}${part} this year, one each term.`, term),
        records,
      };
    return {
      ...base,
      value,
      status: 'amber',
      reason: `${plural(held, 'home visit')} so far this year: ${required - held} more needed in the ${plural(termsLeft, 'term')} left, one each term.`,
      records,
    };
  }
  if (held >= dueSoFar.length || held + termsLeft >= required) {
    const total =
      held >= required
        ? `the total of ${required} is reached`
        : `${plural(held, 'home visit')} so far, on track for ${required}${part}`;
    return {
      ...base,
      value,
      status: 'amber',
      reason: `${total}, but none in the ${missedWords}: the policy asks for a home visit each term.`.replace(
        /^./,
        (first) => first.toUpperCase(),
      ),
      records,
    };
  }
  return {
    ...base,
    value,
    status: 'red',
    reason: `${plural(held, 'home visit')} this year and none in the ${missedWords}: the ${plural(termsLeft, 'term')} left cannot reach ${required}${part} at one a term.`,
    records,
  };
}

function parentUpdatesFigure(term: TermMinimums): ReviewFigure {
  const base = { key: 'parentUpdates' as const, label: figureLabels.parentUpdates };
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records: [] };
  const weeks = term.parentUpdateWeeks;
  const over = weeks.filter((week) => week.state === 'covered' || week.state === 'missed');
  const missed = weeks.filter((week) => week.state === 'missed');
  const records = weeks.flatMap((week) => week.updates.records);
  const value = `${over.length - missed.length} of ${plural(over.length, 'week')}`;
  if (over.length === 0) {
    const covered = weeks.filter((week) => week.state === 'covered').length;
    return {
      ...base,
      value: covered > 0 ? `${covered} so far` : 'Not due yet',
      status: 'notDue',
      reason: withPlacement('No week of this term has ended yet.', term),
      records,
    };
  }
  if (missed.length === 0)
    return {
      ...base,
      value,
      status: 'green',
      reason: withPlacement(
        `The Personal Tutor updated a parent in every week of term so far (${over.length}).`,
        term,
      ),
      records,
    };
  const status = missed.length <= 2 ? 'amber' : 'red';
  return {
    ...base,
    value,
    status,
    reason: withPlacement(
      `No update from the Personal Tutor to a parent in ${plural(missed.length, 'week')} of ${over.length}: weeks beginning ${listDates(missed.map((week) => week.weekStartsOn))}.`,
      term,
    ),
    records,
  };
}

function termlyOneFigure(
  key: 'pepInvitation' | 'learningProgrammeUpdate',
  term: TermMinimums,
  evidence: Evidence,
  what: string,
): ReviewFigure {
  const base = { key, label: figureLabels[key] };
  const name = termWords[term.term.name];
  const capital = `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}`;
  if (evidence.count > 0)
    return {
      ...base,
      value: `${evidence.count} sent`,
      status: 'green',
      reason: `${capital} in the ${name}.`,
      records: evidence.records,
    };
  const notDue = notDueYet(base, term, `An ${what}`.replace(/^An ([^aeiou])/, 'A $1'));
  if (notDue) return notDue;
  if (term.phase === 'current')
    return {
      ...base,
      value: 'None yet',
      status: 'amber',
      reason: `No ${what} yet in the ${name}.`,
      records: [],
    };
  return {
    ...base,
    value: 'None sent',
    status: 'red',
    reason: `No ${what} in the ${name}: the policy asks for one each term.`,
    records: [],
  };
}

function halfTermOffersFigure(term: TermMinimums): ReviewFigure {
  const base = { key: 'halfTermOffers' as const, label: figureLabels.halfTermOffers };
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records: [] };
  const offers = term.halfTermOffers;
  if (offers.length === 0)
    return {
      ...base,
      value: 'Not due',
      status: 'notDue',
      reason: withPlacement('Not placed at the start of either half of this term.', term),
      records: [],
    };
  const records = offers.flatMap((offer) => offer.offers.records);
  const offered = offers.filter((offer) => offer.state === 'offered').length;
  const due = offers.filter((offer) => offer.state !== 'notYet').length;
  const value = `${offered} of ${offers.length}`;
  const missed = offers.filter((offer) => offer.state === 'missed');
  const open = offers.filter((offer) => offer.state === 'open');
  if (missed.length > 0) {
    return {
      ...base,
      value,
      status: 'red',
      reason: `No offer of weekly updates from the Learning Mentor at the start of the ${missed.map((offer) => `${offer.half} half (from ${formatUkDayMonth(offer.startsOn)})`).join(' or the ')}.`,
      records,
    };
  }
  if (open.length > 0)
    return {
      ...base,
      value,
      status: 'amber',
      reason: `The ${open[0]?.half ?? ''} half has started: the Learning Mentor’s offer of weekly updates is due by ${formatUkDayMonth(open[0]?.windowEndsOn ?? term.term.startsOn)}.`,
      records,
    };
  if (due === 0)
    return {
      ...base,
      value: 'Not due yet',
      status: 'notDue',
      reason: 'No half of this term has started.',
      records,
    };
  return {
    ...base,
    value,
    status: 'green',
    reason: 'Weekly updates offered at the start of each half term so far.',
    records,
  };
}

/**
 * The last term of the year the young person is placed in, and the last day placed in it. A
 * placement that ends before the year does leaves no later term to make up the Learning Mentor's
 * yearly minimums in (seed 004 §5.2.2): for them the year ends with the placement.
 */
function lastPlacedTerm(minimums: ContactMinimums): { readonly index: number; readonly endsOn: string } {
  const index = minimums.terms.findLastIndex((each) => each.placed !== null);
  const last = minimums.terms[index] ?? minimums.terms[minimums.terms.length - 1];
  return {
    index: index < 0 ? minimums.terms.length - 1 : index,
    endsOn: last?.placed?.endsOn ?? last?.term.endsOn ?? '',
  };
}

function learningMentorHomeVisitFigure(minimums: ContactMinimums, term: TermMinimums): ReviewFigure {
  const base = { key: 'learningMentorHomeVisit' as const, label: figureLabels.learningMentorHomeVisit };
  const upTo = minimums.terms.slice(0, term.index + 1);
  const held = upTo.flatMap((each) => each.learningMentorHomeVisits.records);
  if (held.length > 0)
    return {
      ...base,
      value: 'Held',
      status: 'green',
      reason: 'The Learning Mentor has visited the family home this year.',
      records: held,
    };
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records: [] };
  if (term.phase === 'notStarted')
    return {
      ...base,
      value: 'Not due yet',
      status: 'notDue',
      reason: 'This term has not started.',
      records: [],
    };
  const booked = minimums.terms
    .slice(term.index)
    .flatMap((each) => each.learningMentorHomeVisitsBooked.records);
  const last = lastPlacedTerm(minimums);
  const leaves = last.index < minimums.terms.length - 1;
  const isLastTerm = term.index === last.index;
  if (isLastTerm && term.phase === 'ended')
    return {
      ...base,
      value: 'None held',
      status: 'red',
      reason: `The Learning Mentor did not visit the family home ${leaves ? 'while the young person was placed ' : ''}this year: the policy asks for one each year.`,
      records: [],
    };
  if (booked.length > 0)
    return {
      ...base,
      value: 'Booked',
      status: 'amber',
      reason: 'Not yet this year; a visit with the Learning Mentor is booked.',
      records: booked,
    };
  if (isLastTerm)
    return {
      ...base,
      value: 'None yet',
      status: 'red',
      reason: `No family-home visit by the Learning Mentor this year, and none booked ${leaves ? 'before the placement ends' : 'in the last term'}.`,
      records: [],
    };
  return {
    ...base,
    value: 'None yet',
    status: 'amber',
    reason: `Not yet this year: one is due by ${formatUkDayMonth(last.endsOn)}.`,
    records: [],
  };
}

function learningConsultationsFigure(minimums: ContactMinimums, term: TermMinimums): ReviewFigure {
  const base = { key: 'learningConsultations' as const, label: figureLabels.learningConsultations };
  const upTo = minimums.terms.slice(0, term.index + 1);
  const records = upTo.flatMap((each) => each.learningConsultationsOffered.records);
  const offered = upTo.reduce((total, each) => total + each.learningConsultationsOffered.count, 0);
  const required = yearlyConsultationsRequired(minimums.terms);
  const value = `${offered} of ${required}`;
  if (!term.placed)
    return { ...base, value: 'Not placed', status: 'notDue', reason: placementWords(term), records };
  if (term.phase === 'notStarted')
    return { ...base, value, status: 'notDue', reason: 'This term has not started.', records };
  const termsSoFar = upTo.filter((each) => each.termlyMinimumsDue).length;
  if (required === 0 || termsSoFar === 0)
    return {
      ...base,
      value,
      status: 'notDue',
      reason: `Not placed for ${policyMinimums.termlyMinimumsFromWeeks} weeks of a term yet, so none is due.`,
      records,
    };
  const shortfall = Math.min(required, termsSoFar) - offered;
  const isYearOver = term.index === lastPlacedTerm(minimums).index && term.phase === 'ended';
  if (shortfall <= 0)
    return {
      ...base,
      value,
      status: 'green',
      reason: `${plural(offered, 'learning consultation')} offered this year: ${offered >= required ? 'the minimum is met' : `on track for ${required}`}.`,
      records,
    };
  if (shortfall === 1 && !isYearOver)
    return {
      ...base,
      value,
      status: 'amber',
      reason: `${plural(offered, 'learning consultation')} offered this year: one behind one a term.`,
      records,
    };
  return {
    ...base,
    value,
    status: 'red',
    reason: isYearOver
      ? `Only ${plural(offered, 'learning consultation')} offered this year: the policy asks for ${required}${required < policyMinimums.learningConsultationsPerYear ? ' (one for each term placed)' : ''}.`
      : `${plural(offered, 'learning consultation')} offered this year: ${shortfall} behind one a term.`,
    records,
  };
}

function formTimeliness(
  forms: readonly ReviewForm[],
  termSpan: { startsMs: number; endsMs: number },
  now: Date,
  dueHours: number,
): FormTimeliness {
  const buckets: Record<keyof FormTimeliness, RecordRef[]> = {
    onTime: [],
    late: [],
    overdue: [],
    due: [],
    datesToCheck: [],
  };
  for (const form of forms) {
    if (form.amendsFormId !== undefined) continue;
    if (!isWithin(Date.parse(form.contactStartedAt), termSpan)) continue;
    // Its own deadline, not the home's hours now: a changed setting applies to contacts from then
    // on (seed 004 §5.2.1), so a past term's form reads here as it does in the forms list.
    buckets[timelinessOf[contactFormStatus(form, now, dueHours).kind]].push({
      type: 'contactForm',
      id: form.id,
    });
  }
  const asEvidence = (records: RecordRef[]): Evidence => ({ count: records.length, records });
  return {
    onTime: asEvidence(buckets.onTime),
    late: asEvidence(buckets.late),
    overdue: asEvidence(buckets.overdue),
    due: asEvidence(buckets.due),
    datesToCheck: asEvidence(buckets.datesToCheck),
  };
}

/** Which count a form's status adds to; every status names one (the type checks none is missed). */
const timelinessOf = {
  filedOnTime: 'onTime',
  filedLate: 'late',
  overdue: 'overdue',
  due: 'due',
  filedBeforeContactEnded: 'datesToCheck',
} as const satisfies Record<ContactFormStatus['kind'], keyof FormTimeliness>;

function formsFigure(forms: FormTimeliness, term: TermMinimums): ReviewFigure {
  const base = { key: 'forms' as const, label: figureLabels.forms };
  const total =
    forms.onTime.count + forms.late.count + forms.overdue.count + forms.due.count + forms.datesToCheck.count;
  const value = total === 0 ? 'None due' : `${forms.onTime.count} of ${total}`;
  const all = [
    ...forms.overdue.records,
    ...forms.late.records,
    ...forms.datesToCheck.records,
    ...forms.onTime.records,
    ...forms.due.records,
  ];
  if (total === 0)
    return {
      ...base,
      value,
      status: term.phase === 'notStarted' || !term.placed ? 'notDue' : 'green',
      reason: term.placed ? 'No contact forms for this term.' : placementWords(term),
      records: [],
    };
  if (forms.overdue.count > 0) {
    const late = forms.late.count > 0 ? `; ${forms.late.count} filed late` : '';
    return {
      ...base,
      value,
      status: 'red',
      reason: `${plural(forms.overdue.count, 'form is', 'forms are')} overdue (not filed in the time allowed)${late}.`,
      records: all,
    };
  }
  if (forms.late.count > 0 || forms.datesToCheck.count > 0) {
    const parts = [
      forms.late.count > 0 ? `${plural(forms.late.count, 'form was', 'forms were')} filed late` : '',
      forms.datesToCheck.count > 0
        ? `${plural(forms.datesToCheck.count, 'form has', 'forms have')} a filing time before the contact ended (check the dates)`
        : '',
    ].filter(Boolean);
    return { ...base, value, status: 'amber', reason: `${parts.join('; ')}, of ${total}.`, records: all };
  }
  return {
    ...base,
    value,
    status: 'green',
    reason: `All ${total} forms filed on time${forms.due.count > 0 ? ` or still within the time allowed (${forms.due.count})` : ''}.`,
    records: all,
  };
}

function isClosestFamily(member: ReviewFamilyMember): boolean {
  return (
    member.hasParentalResponsibility ||
    member.category === 'parent' ||
    member.category === 'stepParent' ||
    member.category === 'sibling'
  );
}

/**
 * The kinds a restriction had on any day of `span`: each version governs from its own first day
 * until the next takes over, its own end date or the day the restriction was ended (seed 004 §3:
 * "adults need to be aware of these restrictions and adhere to them"). A term before a change is
 * read with the version then in force, not the one on the record now; none when it governed no
 * day of the span.
 */
function kindsDuring(
  restriction: ReviewRestriction,
  span: { readonly startsOn: string; readonly endsOn: string },
  timeZone: string,
): RestrictionKind[] {
  const endedOn =
    restriction.endedAt === undefined ? undefined : calendarDateOf(Date.parse(restriction.endedAt), timeZone);
  // Only the kinds and dates are read: the conditions are not the review's business.
  const timeline = restrictionTimeline({ ...restriction, conditions: '' });
  return timeline.flatMap((terms, index) => {
    const next = timeline[index + 1];
    const lastDays = [
      terms.effectiveTo,
      next === undefined ? undefined : addDays(next.effectiveFrom, -1),
      endedOn,
    ].filter((day): day is string => day !== undefined);
    const lastDay = lastDays.sort()[0];
    const governs =
      terms.effectiveFrom <= span.endsOn &&
      (lastDay === undefined || (lastDay >= span.startsOn && lastDay >= terms.effectiveFrom));
    return governs ? [terms.kind] : [];
  });
}

function familyFigures(
  input: TermReviewInput,
  term: TermMinimums,
  heldInTerm: readonly Contact[],
  timeZone: string,
): FamilyMemberFigure[] {
  const name = termWords[term.term.name];
  return input.family
    .filter((member) => member.category !== 'professional')
    .map((member): FamilyMemberFigure => {
      const contacts = evidenceOf(
        heldInTerm.filter((contact) => contact.personIds.includes(member.personId)),
      );
      const during = input.restrictions
        .filter((restriction) => restriction.personId === member.personId)
        .map((restriction) => ({ restriction, kinds: kindsDuring(restriction, term.term, timeZone) }))
        .filter((each) => each.kinds.length > 0);
      const restrictions = during.map((each) => each.restriction);
      const base = {
        personId: member.personId,
        name: member.name,
        relationship: member.relationship,
        contacts,
        restrictionIds: restrictions.map((restriction) => restriction.id),
      };
      const isBarred = during.some((each) => each.kinds.includes('noContact'));
      if (isBarred || (restrictions.length > 0 && contacts.count === 0)) {
        return {
          ...base,
          status: 'restricted',
          reason: `Restricted during the ${name}${isBarred ? ' (no contact)' : ''}: not counted as a gap.`,
        };
      }
      if (contacts.count > 0)
        return { ...base, status: 'green', reason: `${plural(contacts.count, 'contact')} in the ${name}.` };
      if (!term.placed) return { ...base, status: 'notDue', reason: placementWords(term) };
      if (term.phase === 'notStarted')
        return { ...base, status: 'notDue', reason: `The ${name} has not started.` };
      if (term.phase === 'current')
        return { ...base, status: 'amber', reason: `No contact yet in the ${name}.` };
      return {
        ...base,
        status: isClosestFamily(member) ? 'red' : 'amber',
        reason: `No contact with ${member.name} (${member.relationship}) in the whole ${name}.`,
      };
    });
}

const rank: Readonly<Record<RagStatus, number>> = { notDue: 0, green: 1, amber: 2, red: 3 };

export function worstStatus(statuses: readonly FamilyStatus[]): RagStatus {
  let worst: RagStatus = 'notDue';
  for (const status of statuses) {
    if (status === 'restricted') continue;
    if (rank[status] > rank[worst]) worst = status;
  }
  return worst;
}

/** One young person's review for one term of the year the minimums were worked out for. */
export function termlyReview(input: TermReviewInput): TermReview {
  const timeZone = input.timeZone ?? defaultTimeZone;
  const term = input.minimums.terms[input.termIndex];
  if (!term) throw new RangeError(`The year ${input.minimums.yearLabel} has no term ${input.termIndex}.`);
  const span = daySpan(term.term.startsOn, term.term.endsOn, timeZone);
  const heldInTerm = input.contacts.filter(
    (contact) => contact.state === 'held' && isWithin(contact.startsMs, span),
  );

  const byKind = new Map<ContactKind, Contact[]>();
  for (const contact of heldInTerm) {
    const kind = contactKindOf(contact);
    const list = byKind.get(kind) ?? [];
    list.push(contact);
    byKind.set(kind, list);
  }
  const forms = formTimeliness(input.forms, span, input.now, input.dueHours ?? defaultContactFormDueHours);
  const figures: ReviewFigure[] = [
    homeVisitFigure(term),
    homeVisitsYearFigure(input.minimums, term),
    parentUpdatesFigure(term),
    termlyOneFigure('pepInvitation', term, term.pepInvitations, 'invitation to a PEP meeting'),
    halfTermOffersFigure(term),
    termlyOneFigure(
      'learningProgrammeUpdate',
      term,
      term.learningProgrammeUpdates,
      'learning-programme update sent home',
    ),
    learningMentorHomeVisitFigure(input.minimums, term),
    learningConsultationsFigure(input.minimums, term),
    formsFigure(forms, term),
  ];
  const family = familyFigures(input, term, heldInTerm, timeZone);
  const contactPlan = (input.plan ?? [])
    .filter(
      (arrangement) =>
        arrangement.startsOn <= term.term.endsOn &&
        (arrangement.endsOn === undefined || arrangement.endsOn >= term.term.startsOn),
    )
    .map((arrangement) =>
      contactAgainstPlan({
        arrangement,
        span: term.term,
        placed: term.placed,
        contacts: input.contacts,
        now: input.now,
        timeZone,
      }),
    );
  return {
    youngPersonId: input.youngPersonId,
    yearLabel: input.minimums.yearLabel,
    termName: term.term.name,
    termStartsOn: term.term.startsOn,
    termEndsOn: term.term.endsOn,
    phase: term.phase,
    contactsByKind: [...byKind.entries()]
      .map(([kind, contacts]) => ({ kind, contacts: evidenceOf(contacts) }))
      .sort((a, b) => b.contacts.count - a.contacts.count),
    figures,
    family,
    contactPlan,
    forms,
    voices: termVoices(
      input.forms,
      term.placed ? daySpan(term.placed.startsOn, term.placed.endsOn, timeZone) : null,
    ),
    overall: worstStatus([
      ...figures.map((figure) => figure.status),
      ...family.map((member) => member.status),
    ]),
  };
}

export type YearReviewInput = ReviewContext & {
  readonly youngPerson: MinimumsYoungPerson;
  readonly year: AcademicYearDates;
  readonly visits: readonly MinimumsVisit[];
  readonly forms: readonly (MinimumsContactForm & ReviewForm)[];
};

/** Earlier first, and by id where two are at the same moment. */
function inTimeOrder<Item extends { readonly id: string }>(
  items: readonly Item[],
  timeOf: (item: Item) => string,
): Item[] {
  return [...items].sort((a, b) => {
    const at = timeOf(a);
    const bt = timeOf(b);
    if (at !== bt) return at < bt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Every term's review for one young person and one year, from the raw records (what the screens and exports use). */
export function yearReview(input: YearReviewInput): {
  readonly minimums: ContactMinimums;
  readonly terms: readonly TermReview[];
} {
  // Records come in whatever order they were read (the overview reads a young person's forms by
  // contact end, other readers by id). Put in one order first, the same records always give the
  // same review: a visit's forms listed alike, and the same form's kind standing for the visit.
  const visits = inTimeOrder(input.visits, (visit) => visit.startsAt);
  const forms = inTimeOrder(input.forms, (form) => form.contactEndedAt);
  const contacts = contactsFrom(visits, forms);
  const { parentIds, familyIds } = familyCircle(input.family);
  const minimums = contactMinimums({
    youngPerson: input.youngPerson,
    year: input.year,
    contacts,
    parentIds,
    familyIds,
    now: input.now,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  const terms = minimums.terms.map((_, termIndex) =>
    termlyReview({
      youngPersonId: input.youngPerson.id,
      minimums,
      termIndex,
      contacts,
      forms,
      family: input.family,
      restrictions: input.restrictions,
      ...(input.plan ? { plan: input.plan } : {}),
      now: input.now,
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      ...(input.dueHours ? { dueHours: input.dueHours } : {}),
    }),
  );
  return { minimums, terms };
}
