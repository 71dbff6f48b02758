import type { ContactKind } from '../schemas/contact-forms';
import type { VisitKind } from '../schemas/visits';
import { addDays, mondayOf } from '../home-time';
import {
  contactMinimums,
  yearlyConsultationsRequired,
  type ContactMinimums,
  type Contact,
  type Evidence,
  type MinimumsInput,
  type MinimumsYoungPerson,
  type TermMinimums,
} from './contact-minimums';

/**
 * What one member of staff owes each young person they hold, this week and this term: the lines
 * of "My young people". It reads the policy through the termly review's own rule
 * (`contactMinimums`, seed 004 §5.2.1, §5.2.2), so the two never disagree, and keeps only the
 * lines that are this person's work:
 * - the **Personal Tutor** updates parents weekly (§5.2.1) and, with the Case Co-ordinator,
 *   visits the family home each term (§5.2.1: "usually with the PT and CC attending");
 * - the **Case Co-ordinator** shares that termly home visit (and reviews the figures, §5.5.1);
 * - the **Learning Mentor** owes the §5.2.2 minimums: a home visit a year, three learning
 *   consultations offered, a PEP invitation each term, weekly updates offered at the start of each
 *   half term, a learning-programme update each term.
 * "This term" is the term `now` falls in; between terms only the year's lines are shown. Part
 * terms follow the rule: a term's own minimums are asked for only when the young person is placed
 * long enough (`termlyMinimumsDue`), and a week's update only in a week with a school day while
 * placed, so the half-term holiday owes none.
 */

/** How a member of staff holds a young person (the young person's record names them). */
export type Holding = 'personalTutor' | 'caseCoordinator' | 'learningMentor';

export function holdingsOf(
  youngPerson: Pick<MinimumsYoungPerson, 'personalTutorId' | 'caseCoordinatorId' | 'learningMentorId'>,
  staffId: string,
): Holding[] {
  const holdings: Holding[] = [];
  if (youngPerson.personalTutorId === staffId) holdings.push('personalTutor');
  if (youngPerson.caseCoordinatorId === staffId) holdings.push('caseCoordinator');
  if (youngPerson.learningMentorId === staffId) holdings.push('learningMentor');
  return holdings;
}

/** Whether a young person is placed at the home on `today` (a date on the home's clock). */
export function isPlacedOn(
  youngPerson: Pick<MinimumsYoungPerson, 'placementStartsOn' | 'placementEndsOn'>,
  today: string,
): boolean {
  return (
    youngPerson.placementStartsOn <= today &&
    (youngPerson.placementEndsOn === undefined || youngPerson.placementEndsOn >= today)
  );
}

export type OwedState =
  /** Still to do, and the time for it has not run out. */
  | 'owed'
  /** Not yet held, but booked in the schedule. */
  | 'booked'
  /** Done for this week, term or year. */
  | 'done'
  /** Its window has passed without it. */
  | 'missed'
  /** Its window has not opened yet. */
  | 'upcoming'
  /** Nothing is asked this time, and `reason` says why (a holiday week, a part term). */
  | 'notDue';

export type OwedPeriod = 'week' | 'halfTerm' | 'term' | 'year';

export type OwedLine = {
  /** Stable key (for lists on screen and tests). */
  readonly key: string;
  readonly period: OwedPeriod;
  /** Whose work it is, among this person's holdings. */
  readonly holding: Holding;
  /** What the policy asks, in words for the person doing it. */
  readonly what: string;
  readonly state: OwedState;
  /** The last day it can be done to meet the policy (the window's end). */
  readonly byDate: string;
  /** For a window not open yet, the day it opens. */
  readonly fromDate?: string;
  /** For a count ("1 of 3 offered"): how many so far, and how many are asked for. */
  readonly tally?: { readonly done: number; readonly of: number };
  readonly reason?: string;
  /** The kind of contact form that records it, when a contact form is how it is done. */
  readonly recordAs?: ContactKind;
  /** The kind of visit that books it, when booking is how it is done or planned. */
  readonly bookAs?: VisitKind;
  /** The records behind `done` or `booked`. */
  readonly evidence: Evidence;
};

const none: Evidence = { count: 0, records: [] };
const termWords = { autumn: 'autumn term', spring: 'spring term', summer: 'summer term' } as const;

/** The term `today` falls in (inclusive of its dates), if any. */
function termOn(minimums: ContactMinimums, today: string): TermMinimums | undefined {
  return minimums.terms.find((term) => term.term.startsOn <= today && today <= term.term.endsOn);
}

function partTermReason(term: TermMinimums): string {
  return `Placed for ${term.placedWeeks} of the ${term.termWeeks} weeks of the ${termWords[term.term.name]}: too few for its termly minimums.`;
}

function weeklyParentUpdate(term: TermMinimums, today: string): OwedLine {
  const monday = mondayOf(today);
  const base = {
    key: `parent-update-${monday}`,
    period: 'week' as const,
    holding: 'personalTutor' as const,
    what: 'This week’s update to parents (phone or email)',
    byDate: addDays(monday, 6),
    recordAs: 'phoneCall' as const,
    bookAs: 'phoneCall' as const,
  };
  const week = term.parentUpdateWeeks.find((candidate) => candidate.weekStartsOn === monday);
  if (!week) {
    const inHalfTerm = today >= term.term.halfTermStartsOn && today <= term.term.halfTermEndsOn;
    return {
      ...base,
      state: 'notDue',
      reason: inHalfTerm
        ? 'Half-term holiday: no update is due this week.'
        : 'No school day while placed this week: no update is due.',
      evidence: none,
    };
  }
  return {
    ...base,
    state: week.state === 'covered' ? 'done' : week.state === 'missed' ? 'missed' : 'owed',
    evidence: week.updates,
  };
}

function termlyHomeVisit(term: TermMinimums, holding: Holding): OwedLine {
  const base = {
    key: `home-visit-${term.term.name}`,
    period: 'term' as const,
    holding,
    what: `A home visit in the ${termWords[term.term.name]}, with the Personal Tutor and Case Co-ordinator`,
    byDate: term.term.endsOn,
    recordAs: 'homeVisit' as const,
    bookAs: 'homeVisit' as const,
  };
  if (!term.termlyMinimumsDue)
    return { ...base, state: 'notDue', reason: partTermReason(term), evidence: none };
  if (term.homeVisitsHeld.count > 0) return { ...base, state: 'done', evidence: term.homeVisitsHeld };
  if (term.homeVisitsBooked.count > 0) return { ...base, state: 'booked', evidence: term.homeVisitsBooked };
  return { ...base, state: term.phase === 'ended' ? 'missed' : 'owed', evidence: none };
}

function learningMentorTermLines(term: TermMinimums): OwedLine[] {
  const name = termWords[term.term.name];
  const lines: OwedLine[] = [];
  const termly = (
    key: string,
    what: string,
    evidence: Evidence,
    how: Pick<OwedLine, 'recordAs' | 'bookAs'>,
  ): OwedLine => {
    const base = {
      key,
      period: 'term' as const,
      holding: 'learningMentor' as const,
      what,
      byDate: term.term.endsOn,
      ...how,
    };
    if (!term.termlyMinimumsDue)
      return { ...base, state: 'notDue', reason: partTermReason(term), evidence: none };
    return { ...base, state: evidence.count > 0 ? 'done' : 'owed', evidence };
  };
  lines.push(
    termly(`pep-${term.term.name}`, `An invitation to a PEP meeting in the ${name}`, term.pepInvitations, {
      bookAs: 'pepMeeting',
    }),
  );
  for (const offer of term.halfTermOffers) {
    const state: OwedState =
      offer.state === 'offered'
        ? 'done'
        : offer.state === 'missed'
          ? 'missed'
          : offer.state === 'open'
            ? 'owed'
            : 'upcoming';
    lines.push({
      key: `half-term-offer-${offer.startsOn}`,
      period: 'halfTerm',
      holding: 'learningMentor',
      what: `Offer the family weekly updates at the start of the ${offer.half} half of the ${name}`,
      state,
      byDate: offer.windowEndsOn,
      ...(state === 'upcoming' ? { fromDate: offer.startsOn } : {}),
      recordAs: 'phoneCall',
      evidence: offer.offers,
    });
  }
  lines.push(
    termly(
      `learning-programme-${term.term.name}`,
      `A learning-programme update sent home in the ${name}`,
      term.learningProgrammeUpdates,
      { recordAs: 'letter' },
    ),
  );
  return lines;
}

function learningMentorYearLines(minimums: ContactMinimums, open: boolean): OwedLine[] {
  const yearEndsOn = minimums.yearSpan.endsOn;
  const lastState = (done: boolean): OwedState => (done ? 'done' : open ? 'owed' : 'missed');
  const visits = minimums.year.learningMentorHomeVisits;
  const booked = minimums.terms.flatMap((term) => term.learningMentorHomeVisitsBooked.records);
  const homeVisit: OwedLine = {
    key: 'learning-mentor-home-visit',
    period: 'year',
    holding: 'learningMentor',
    what: `A visit to the family home this academic year (${minimums.yearLabel})`,
    state: visits.count > 0 ? 'done' : booked.length > 0 ? 'booked' : lastState(false),
    byDate: yearEndsOn,
    recordAs: 'homeVisit',
    bookAs: 'homeVisit',
    evidence: visits.count > 0 ? visits : { count: booked.length, records: booked },
  };
  const required = yearlyConsultationsRequired(minimums.terms);
  const offered = minimums.year.learningConsultationsOffered;
  const consultations: OwedLine = {
    key: 'learning-consultations',
    period: 'year',
    holding: 'learningMentor',
    what: `Face-to-face learning consultations offered this academic year (${minimums.yearLabel})`,
    state: required === 0 ? 'notDue' : lastState(offered.count >= required),
    ...(required === 0 ? { reason: 'Not placed long enough in any term for consultations to be due.' } : {}),
    byDate: yearEndsOn,
    tally: { done: Math.min(offered.count, required), of: required },
    bookAs: 'learningConsultation',
    evidence: offered,
  };
  return [homeVisit, consultations];
}

/** The order lines are listed in: what needs doing first, then what is in hand, then the rest. */
const stateOrder: Readonly<Record<OwedState, number>> = {
  missed: 0,
  owed: 1,
  booked: 2,
  upcoming: 3,
  done: 4,
  notDue: 5,
};
const periodOrder: Readonly<Record<OwedPeriod, number>> = { week: 0, halfTerm: 1, term: 2, year: 3 };

/**
 * The lines one member of staff owes one young person at `today`, from the young person's
 * minimums for the academic year `today` falls in. A person who holds the young person in two
 * ways (PT and CC) sees the shared home visit once.
 */
export function owedLines(
  minimums: ContactMinimums,
  holdings: readonly Holding[],
  today: string,
): OwedLine[] {
  const lines: OwedLine[] = [];
  const term = termOn(minimums, today);
  const placedInTerm = term !== undefined && term.placed !== null && term.placed.startsOn <= today;
  if (term && placedInTerm) {
    if (holdings.includes('personalTutor')) lines.push(weeklyParentUpdate(term, today));
    const homeVisitHolder = holdings.find(
      (holding) => holding === 'personalTutor' || holding === 'caseCoordinator',
    );
    if (homeVisitHolder) lines.push(termlyHomeVisit(term, homeVisitHolder));
    if (holdings.includes('learningMentor')) lines.push(...learningMentorTermLines(term));
  }
  if (holdings.includes('learningMentor')) {
    const open = today <= minimums.yearSpan.endsOn;
    lines.push(...learningMentorYearLines(minimums, open));
  }
  return lines.sort(
    (a, b) =>
      stateOrder[a.state] - stateOrder[b.state] ||
      periodOrder[a.period] - periodOrder[b.period] ||
      a.byDate.localeCompare(b.byDate),
  );
}

/** `owedLines` from the young person's contacts: the review's rule, then this person's share of it. */
export function owedFor(
  input: MinimumsInput & { readonly holdings: readonly Holding[]; readonly today: string },
): OwedLine[] {
  return owedLines(contactMinimums(input), input.holdings, input.today);
}

/** The next contact booked in the schedule from `now` on (planned or confirmed, not yet started). */
export function nextBookedContact<C extends Pick<Contact, 'startsMs' | 'state'>>(
  contacts: readonly C[],
  now: Date,
): C | undefined {
  const nowMs = now.getTime();
  let next: C | undefined;
  for (const contact of contacts)
    if (
      contact.state === 'booked' &&
      contact.startsMs >= nowMs &&
      (!next || contact.startsMs < next.startsMs)
    )
      next = contact;
  return next;
}

/** How many lines need doing (owed or missed): the count beside a young person's name. */
export function countToDo(lines: readonly Pick<OwedLine, 'state'>[]): number {
  return lines.filter((line) => line.state === 'owed' || line.state === 'missed').length;
}
