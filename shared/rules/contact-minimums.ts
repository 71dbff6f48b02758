import type { AcademicYearDates, TermDates } from './academic-calendar';
import type { Visit } from '../schemas/visits';
import type { ContactForm } from '../schemas/contact-forms';
import type { Relationship, YoungPerson } from '../schemas/people';
import { addDays, mondayOf } from '../home-time';
import { defaultTimeZone } from '../schemas/home';
import { daySpan, isWithin, phaseOf, type DaySpan, type Phase } from './termly-calendar';

/**
 * What the policy asks of a young person's family contact in an academic year, and what is still
 * owed (seed 004, section 5.2). Pure: data and `now` in, facts out. `termly-review.ts` turns these
 * facts into red/amber/green; the visit booking screen shows `stillOwed` as planning help.
 *
 * How the policy's words are read (say so if a home reads them differently):
 * - A **contact** is a visit in the schedule, a contact form, or both when the form names the visit
 *   (then it is one contact, and both records stand behind it). A form means the contact took
 *   place; a visit counts as held once it is completed. It belongs to the term its start falls in,
 *   by the home's local date.
 * - **Home visits** (5.2.1: "each term ... a minimum of 3 per year, usually with the PT and CC
 *   attending"): a held contact of kind home visit. "With the PT and CC" means both the young
 *   person's Personal Tutor and Case Co-ordinator are among its staff (or wrote its form).
 * - **Weekly parent updates** (5.2.1: "The PT (or other agreed Key Person) should liaise with
 *   parents weekly (via telephone/email) ... following which a Contact Report"): a phone call or
 *   email with a parent (someone the caller counts as a parent: a parent, step-parent or anyone with
 *   parental responsibility) that the young person's PT made or took part in. The app has no record
 *   of "another agreed key person", so only the PT's count; a home that agrees another key person
 *   sees the gap and the reason. Weeks run Monday to Sunday; a week counts when it has at least one
 *   school day outside the half-term holiday.
 * - **The Learning Mentor** (5.2.2), each academic year: one visit to the family home (a held home
 *   visit the young person's Learning Mentor took part in); three learning consultations offered (a
 *   learning consultation booked in the schedule and not cancelled: booked, held or not attended all
 *   show the offer was made); a PEP invitation each term (a PEP meeting booked in the term and not
 *   cancelled); weekly updates offered at the start of every half term (a phone call or email by the
 *   Learning Mentor with the family in the first 14 days of each half of the term); a
 *   learning-programme update each term (a letter or email by the Learning Mentor to the family).
 * - **Only the weeks a young person was placed count** (5.2: the minimums are of a placement):
 *   weekly updates are asked for each week with a school day while placed, so a part term has
 *   fewer; a term's own minimums (home visit, PEP invitation, learning-programme update) are asked
 *   for only when placed for at least `termlyMinimumsFromWeeks` of its weeks; a half term's offer
 *   of weekly updates only when placed during its opening window; and the year's totals are one a
 *   term for each term placed that long, up to the yearly minimum. Before the placement starts and
 *   after it ends nothing is owed.
 */

export const policyMinimums = {
  homeVisitsPerTerm: 1,
  homeVisitsPerYear: 3,
  learningMentorHomeVisitsPerYear: 1,
  learningConsultationsPerYear: 3,
  pepInvitationsPerTerm: 1,
  learningProgrammeUpdatesPerTerm: 1,
  /** How long "the start of a half term" lasts, in days, for the Learning Mentor's offer of weekly updates. */
  halfTermOfferWindowDays: 14,
  /**
   * The fewest weeks of a term a young person must be placed for the term's own minimums (its home
   * visit, PEP invitation and learning-programme update) to be due: a young person placed for the
   * last fortnight of term has not had a term at the home. Weekly updates count every placed week.
   */
  termlyMinimumsFromWeeks: 4,
} as const;

export type RecordRef = { readonly type: 'visit' | 'contactForm'; readonly id: string };

/** Each figure carries the records behind it, so any number on screen opens what it counts. */
export type Evidence = { readonly count: number; readonly records: readonly RecordRef[] };

export type MinimumsVisit = Pick<Visit, 'id' | 'kind' | 'status' | 'startsAt' | 'staffIds' | 'personIds'>;
export type MinimumsContactForm = Pick<
  ContactForm,
  'id' | 'kind' | 'visitId' | 'contactStartedAt' | 'authorId' | 'staffIds' | 'personIds'
> &
  Partial<Pick<ContactForm, 'amendsFormId'>>;
export type MinimumsYoungPerson = Pick<
  YoungPerson,
  'id' | 'personalTutorId' | 'caseCoordinatorId' | 'learningMentorId' | 'placementStartsOn'
> &
  Partial<Pick<YoungPerson, 'placementEndsOn'>>;

export type ContactState = 'held' | 'booked' | 'cancelled' | 'didNotAttend';

/** One contact: a visit, a form, or a visit with its form. */
export type Contact = {
  readonly records: readonly RecordRef[];
  readonly startsMs: number;
  readonly formKind: ContactForm['kind'] | undefined;
  readonly visitKind: Visit['kind'] | undefined;
  readonly state: ContactState;
  /** Staff who took part, including whoever wrote the form. */
  readonly staffIds: readonly string[];
  readonly personIds: readonly string[];
};

const stateOfVisit: Readonly<Record<Visit['status'], ContactState>> = {
  planned: 'booked',
  confirmed: 'booked',
  completed: 'held',
  cancelled: 'cancelled',
  didNotAttend: 'didNotAttend',
};

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/**
 * Visits and forms as contacts: a form that names a visit in the list joins it (one contact, two
 * records); a visit may have several forms (one per young person), and they all join it. A
 * correction (a form that amends another) is left out: its original already stands for the contact.
 */
export function contactsFrom(
  visits: readonly MinimumsVisit[],
  forms: readonly MinimumsContactForm[],
): Contact[] {
  const byVisit = new Map<string, Contact>();
  for (const visit of visits) {
    byVisit.set(visit.id, {
      records: [{ type: 'visit', id: visit.id }],
      startsMs: Date.parse(visit.startsAt),
      formKind: undefined,
      visitKind: visit.kind,
      state: stateOfVisit[visit.status],
      staffIds: visit.staffIds,
      personIds: visit.personIds,
    });
  }
  const contacts: Contact[] = [];
  for (const form of forms) {
    // A correction is a second record of the same contact, not another contact.
    if (form.amendsFormId !== undefined) continue;
    const visit = form.visitId === undefined ? undefined : byVisit.get(form.visitId);
    const staffIds = union(form.staffIds, [form.authorId]);
    if (visit && form.visitId !== undefined) {
      byVisit.set(form.visitId, {
        ...visit,
        records: [...visit.records, { type: 'contactForm', id: form.id }],
        formKind: visit.formKind ?? form.kind,
        // A form says the contact took place, unless the visit says nobody came.
        state: visit.state === 'didNotAttend' || visit.state === 'cancelled' ? visit.state : 'held',
        staffIds: union(visit.staffIds, staffIds),
        personIds: union(visit.personIds, form.personIds),
      });
      continue;
    }
    contacts.push({
      records: [{ type: 'contactForm', id: form.id }],
      startsMs: Date.parse(form.contactStartedAt),
      formKind: form.kind,
      visitKind: undefined,
      state: 'held',
      staffIds,
      personIds: form.personIds,
    });
  }
  contacts.push(...byVisit.values());
  contacts.sort((a, b) => a.startsMs - b.startsMs);
  return contacts;
}

// What each contact is, in the policy's terms.
export function isHomeVisit(contact: Contact): boolean {
  return contact.visitKind === 'homeVisit' || contact.formKind === 'homeVisit';
}
function isPhoneOrEmail(contact: Contact): boolean {
  if (contact.formKind !== undefined) return contact.formKind === 'phoneCall' || contact.formKind === 'email';
  return contact.visitKind === 'phoneCall';
}
function involves(contact: Contact, staffId: string | undefined): boolean {
  return staffId !== undefined && contact.staffIds.includes(staffId);
}
function withAnyOf(contact: Contact, personIds: ReadonlySet<string>): boolean {
  return contact.personIds.some((id) => personIds.has(id));
}
function isOffered(contact: Contact): boolean {
  return contact.state !== 'cancelled';
}

/** Who counts as a parent, and who as family, from the young person's relationships (professionals are neither). */
export function familyCircle(
  relationships: readonly Pick<Relationship, 'personId' | 'category' | 'hasParentalResponsibility'>[],
): {
  readonly parentIds: ReadonlySet<string>;
  readonly familyIds: ReadonlySet<string>;
} {
  const parentIds = new Set<string>();
  const familyIds = new Set<string>();
  for (const link of relationships) {
    if (link.category === 'professional') continue;
    familyIds.add(link.personId);
    if (link.category === 'parent' || link.category === 'stepParent' || link.hasParentalResponsibility)
      parentIds.add(link.personId);
  }
  return { parentIds, familyIds };
}

export type MinimumsInput = {
  readonly youngPerson: MinimumsYoungPerson;
  readonly year: AcademicYearDates;
  /** The young person's visits and forms; anything outside the year (plus a week either side) is ignored. */
  readonly contacts: readonly Contact[];
  /** The people who count as the young person's parents (parents, step-parents, anyone with parental responsibility). */
  readonly parentIds: ReadonlySet<string>;
  /** Everyone the young person counts as family (not professionals). */
  readonly familyIds: ReadonlySet<string>;
  readonly now: Date;
  readonly timeZone?: string;
};

export type WeekCoverage = {
  readonly weekStartsOn: string;
  readonly state: 'covered' | 'missed' | 'inProgress' | 'notYet';
  readonly updates: Evidence;
};

export type HalfTermOffer = {
  readonly half: 'first' | 'second';
  readonly startsOn: string;
  /** The last day of the window in which the offer is expected. */
  readonly windowEndsOn: string;
  readonly state: 'offered' | 'missed' | 'open' | 'notYet';
  readonly offers: Evidence;
};

/** The days of a term the young person was placed at the home. */
export type PlacedDays = { readonly startsOn: string; readonly endsOn: string };

export type TermMinimums = {
  readonly term: TermDates;
  readonly index: number;
  /** Where the term stands at `now`; ended, too, once a placement that ends in it has ended. */
  readonly phase: Phase;
  /** The part of the term the young person was placed; null when they were not placed at all in it. */
  readonly placed: PlacedDays | null;
  /** Weeks of the term that count (a school day outside the half-term holiday), in all and while placed. */
  readonly termWeeks: number;
  readonly placedWeeks: number;
  /**
   * Whether the term's own minimums (a home visit, a PEP invitation, a learning-programme update)
   * apply: placed for at least `termlyMinimumsFromWeeks` of its weeks, or all of them in a short term.
   */
  readonly termlyMinimumsDue: boolean;
  /** Whole weeks of term left at `now` while placed (0 once it, or the placement, has ended). */
  readonly weeksLeft: number;
  readonly homeVisitsHeld: Evidence;
  /** Held home visits both the PT and the CC attended. */
  readonly homeVisitsWithPtAndCc: Evidence;
  /** Home visits booked in this term and not yet held. */
  readonly homeVisitsBooked: Evidence;
  readonly parentUpdateWeeks: readonly WeekCoverage[];
  readonly pepInvitations: Evidence;
  readonly learningProgrammeUpdates: Evidence;
  readonly halfTermOffers: readonly HalfTermOffer[];
  readonly learningMentorHomeVisits: Evidence;
  readonly learningMentorHomeVisitsBooked: Evidence;
  readonly learningConsultationsOffered: Evidence;
};

export type OwedItem = {
  /** Stable key (for lists on screen). */
  readonly key: string;
  /** What is owed, in words for the person planning. */
  readonly what: string;
  /** The last day it can be done to meet the policy. */
  readonly byDate: string;
  /** Bookings already made towards it, if any (then it is planned rather than missing). */
  readonly booked: Evidence;
};

export type ContactMinimums = {
  readonly yearLabel: string;
  readonly yearSpan: DaySpan;
  readonly terms: readonly TermMinimums[];
  readonly year: {
    readonly homeVisitsHeld: Evidence;
    readonly learningMentorHomeVisits: Evidence;
    readonly learningConsultationsOffered: Evidence;
  };
  /** What is still to do in the rest of the year, soonest first. */
  readonly stillOwed: readonly OwedItem[];
};

export function evidenceOf(contacts: readonly Contact[]): Evidence {
  return { count: contacts.length, records: contacts.flatMap((contact) => contact.records) };
}

const termWords = { autumn: 'autumn term', spring: 'spring term', summer: 'summer term' } as const;

/** The weeks of a term that count for weekly updates, with whether each had one. */
function parentUpdateWeeks(
  term: TermDates,
  placed: PlacedDays | null,
  updates: readonly Contact[],
  nowMs: number,
  timeZone: string,
): WeekCoverage[] {
  const weeks: WeekCoverage[] = [];
  if (!placed) return weeks;
  for (let monday = mondayOf(term.startsOn); monday <= term.endsOn; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    if (!hasSchoolDay(term, placed, monday, sunday)) continue;
    const { within, state } = windowState(daySpan(monday, sunday, timeZone), updates, nowMs, {
      met: 'covered',
      open: 'inProgress',
    });
    weeks.push({ weekStartsOn: monday, state, updates: evidenceOf(within) });
  }
  return weeks;
}

/**
 * Where a window for a contact stands: met by a contact within it, else missed, open now or still
 * to come. `names` says what the caller calls a met window and an open one.
 */
function windowState<Met extends string, Open extends string>(
  span: DaySpan,
  contacts: readonly Contact[],
  nowMs: number,
  names: { readonly met: Met; readonly open: Open },
): { within: Contact[]; state: Met | Open | 'missed' | 'notYet' } {
  const within = contacts.filter((contact) => isWithin(contact.startsMs, span));
  if (within.length > 0) return { within, state: names.met };
  const phase = phaseOf(span, nowMs);
  return { within, state: phase === 'ended' ? 'missed' : phase === 'current' ? names.open : 'notYet' };
}

/**
 * Does the week from `monday` to `sunday` hold a weekday in term, outside the half-term holiday,
 * within `days` (the whole term, or the part of it the young person was placed)?
 */
function hasSchoolDay(term: TermDates, days: PlacedDays, monday: string, sunday: string): boolean {
  for (let day = monday, offset = 0; day <= sunday && offset < 5; day = addDays(day, 1), offset += 1) {
    const inTerm = day >= days.startsOn && day <= days.endsOn;
    const inHalfTerm = day >= term.halfTermStartsOn && day <= term.halfTermEndsOn;
    if (inTerm && !inHalfTerm) return true;
  }
  return false;
}

/** The half terms whose opening window the young person was placed for (any day of it), with whether the offer was made. */
function halfTermOffers(
  term: TermDates,
  placed: PlacedDays | null,
  offers: readonly Contact[],
  nowMs: number,
  timeZone: string,
): HalfTermOffer[] {
  const halves = [
    { half: 'first' as const, startsOn: term.startsOn },
    { half: 'second' as const, startsOn: addDays(term.halfTermEndsOn, 1) },
  ].map((half) => ({
    ...half,
    windowEndsOn: addDays(half.startsOn, policyMinimums.halfTermOfferWindowDays - 1),
  }));
  const whilePlaced = halves.filter(
    (half) => placed !== null && placed.startsOn <= half.windowEndsOn && placed.endsOn >= half.startsOn,
  );
  return whilePlaced.map(({ half, startsOn, windowEndsOn }) => {
    const { within, state } = windowState(daySpan(startsOn, windowEndsOn, timeZone), offers, nowMs, {
      met: 'offered',
      open: 'open',
    });
    return { half, startsOn, windowEndsOn, state, offers: evidenceOf(within) };
  });
}

/** The days of `term` within the placement, or null when the young person was not placed in it. */
export function placedDays(
  term: TermDates,
  placement: Pick<MinimumsYoungPerson, 'placementStartsOn' | 'placementEndsOn'>,
): PlacedDays | null {
  const startsOn = placement.placementStartsOn > term.startsOn ? placement.placementStartsOn : term.startsOn;
  const ends = placement.placementEndsOn;
  const endsOn = ends !== undefined && ends < term.endsOn ? ends : term.endsOn;
  return startsOn <= endsOn ? { startsOn, endsOn } : null;
}

/** How many weeks of `term` have a school day within `days`. */
function countWeeks(term: TermDates, days: PlacedDays): number {
  let weeks = 0;
  for (let monday = mondayOf(term.startsOn); monday <= term.endsOn; monday = addDays(monday, 7))
    if (hasSchoolDay(term, days, monday, addDays(monday, 6))) weeks += 1;
  return weeks;
}

/**
 * The policy's minimums for one young person over one academic year, as they stand at `now`.
 * Contacts outside the year are ignored, except that a parent update in the days of a term's
 * first or last week that fall outside the term still counts for that week.
 */
export function contactMinimums(input: MinimumsInput): ContactMinimums {
  const timeZone = input.timeZone ?? defaultTimeZone;
  const nowMs = input.now.getTime();
  const { personalTutorId, caseCoordinatorId, learningMentorId } = input.youngPerson;
  const first = input.year.terms[0];
  const last = input.year.terms[input.year.terms.length - 1];
  if (!first || !last) throw new RangeError(`The academic year ${input.year.label} has no terms.`);
  const yearSpan = daySpan(first.startsOn, last.endsOn, timeZone);

  const held = input.contacts.filter((contact) => contact.state === 'held');
  const parentUpdates = held.filter(
    (contact) =>
      isPhoneOrEmail(contact) && involves(contact, personalTutorId) && withAnyOf(contact, input.parentIds),
  );
  const learningMentorOffers = held.filter(
    (contact) =>
      isPhoneOrEmail(contact) && involves(contact, learningMentorId) && withAnyOf(contact, input.familyIds),
  );
  const learningProgrammeUpdates = held.filter(
    (contact) =>
      (contact.formKind === 'letter' || contact.formKind === 'email') &&
      involves(contact, learningMentorId) &&
      withAnyOf(contact, input.familyIds),
  );

  const terms = input.year.terms.map((term, index): TermMinimums => {
    const span = daySpan(term.startsOn, term.endsOn, timeZone);
    const placed = placedDays(term, input.youngPerson);
    const termWeeks = countWeeks(term, term);
    const placedWeeks = placed ? countWeeks(term, placed) : 0;
    const inTerm = input.contacts.filter((contact) => isWithin(contact.startsMs, span));
    const heldInTerm = inTerm.filter((contact) => contact.state === 'held');
    const homeVisits = heldInTerm.filter(isHomeVisit);
    // Only the weeks placed count: once a placement has ended part-way through a term, the term's
    // minimums had their last chance on its last day placed, whatever is left of the term.
    const placedUntilMs = placed ? daySpan(placed.startsOn, placed.endsOn, timeZone).endsMs : span.endsMs;
    const phase = nowMs >= placedUntilMs ? 'ended' : phaseOf(span, nowMs);
    const bookedAhead = (contact: Contact): boolean =>
      contact.state === 'booked' && contact.startsMs >= nowMs;
    return {
      term,
      index,
      phase,
      placed,
      termWeeks,
      placedWeeks,
      termlyMinimumsDue:
        placed !== null && placedWeeks >= Math.min(policyMinimums.termlyMinimumsFromWeeks, termWeeks),
      weeksLeft:
        phase === 'ended'
          ? 0
          : Math.max(0, Math.ceil((placedUntilMs - Math.max(nowMs, span.startsMs)) / (7 * 86_400_000))),
      homeVisitsHeld: evidenceOf(homeVisits),
      homeVisitsWithPtAndCc: evidenceOf(
        homeVisits.filter(
          (contact) => involves(contact, personalTutorId) && involves(contact, caseCoordinatorId),
        ),
      ),
      homeVisitsBooked: evidenceOf(inTerm.filter((contact) => isHomeVisit(contact) && bookedAhead(contact))),
      parentUpdateWeeks: parentUpdateWeeks(term, placed, parentUpdates, nowMs, timeZone),
      pepInvitations: evidenceOf(
        inTerm.filter((contact) => contact.visitKind === 'pepMeeting' && isOffered(contact)),
      ),
      learningProgrammeUpdates: evidenceOf(
        learningProgrammeUpdates.filter((contact) => isWithin(contact.startsMs, span)),
      ),
      halfTermOffers: halfTermOffers(term, placed, learningMentorOffers, nowMs, timeZone),
      learningMentorHomeVisits: evidenceOf(
        homeVisits.filter((contact) => involves(contact, learningMentorId)),
      ),
      learningMentorHomeVisitsBooked: evidenceOf(
        inTerm.filter(
          (contact) => isHomeVisit(contact) && bookedAhead(contact) && involves(contact, learningMentorId),
        ),
      ),
      learningConsultationsOffered: evidenceOf(
        inTerm.filter((contact) => contact.visitKind === 'learningConsultation' && isOffered(contact)),
      ),
    };
  });

  const sum = (pick: (term: TermMinimums) => Evidence): Evidence => ({
    count: terms.reduce((total, term) => total + pick(term).count, 0),
    records: terms.flatMap((term) => pick(term).records),
  });
  const year = {
    homeVisitsHeld: sum((term) => term.homeVisitsHeld),
    learningMentorHomeVisits: sum((term) => term.learningMentorHomeVisits),
    learningConsultationsOffered: sum((term) => term.learningConsultationsOffered),
  };
  return {
    yearLabel: input.year.label,
    yearSpan,
    terms,
    year,
    stillOwed: stillOwed(terms, year),
  };
}

/**
 * The year's home visits the policy asks for: one for each term the young person is placed long
 * enough for its minimums, up to three (a whole year is three terms, "a minimum of 3 per year").
 */
export function yearlyHomeVisitsRequired(terms: readonly TermMinimums[]): number {
  const due = terms.filter((term) => term.termlyMinimumsDue).length;
  return Math.min(policyMinimums.homeVisitsPerYear, due);
}

/** The year's learning consultations to offer: three for a whole year, one a term placed for part of one. */
export function yearlyConsultationsRequired(terms: readonly TermMinimums[]): number {
  const due = terms.filter((term) => term.termlyMinimumsDue).length;
  return Math.min(policyMinimums.learningConsultationsPerYear, due);
}

/**
 * What is still to do this year, each by the last day it can be done: a term's by the term's last
 * day placed, the year's by the year's last day placed (seed 004 §5.2: the minimums are of a
 * placement, so a young person leaving mid-term is owed them before they leave).
 */
function stillOwed(terms: readonly TermMinimums[], year: ContactMinimums['year']): OwedItem[] {
  const owed: OwedItem[] = [];
  const none: Evidence = { count: 0, records: [] };
  const open = terms.filter((term) => term.phase !== 'ended' && term.placed !== null);
  for (const term of open) {
    const name = termWords[term.term.name];
    const termEndsOn = term.placed?.endsOn ?? term.term.endsOn;
    if (term.homeVisitsHeld.count === 0 && term.termlyMinimumsDue) {
      owed.push({
        key: `home-visit-${term.term.name}`,
        what: `A home visit in the ${name}, with the Personal Tutor and Case Co-ordinator`,
        byDate: termEndsOn,
        booked: term.homeVisitsBooked,
      });
    }
    const week = term.parentUpdateWeeks.find((candidate) => candidate.state === 'inProgress');
    if (week)
      owed.push({
        key: `parent-update-${week.weekStartsOn}`,
        what: 'This week’s update to parents from the Personal Tutor',
        byDate: addDays(week.weekStartsOn, 6),
        booked: none,
      });
    if (term.pepInvitations.count === 0 && term.termlyMinimumsDue)
      owed.push({
        key: `pep-${term.term.name}`,
        what: `An invitation to a PEP meeting in the ${name}`,
        byDate: termEndsOn,
        booked: none,
      });
    for (const offer of term.halfTermOffers) {
      if (offer.state === 'open' || offer.state === 'notYet') {
        owed.push({
          key: `half-term-offer-${offer.startsOn}`,
          what: `The Learning Mentor’s offer of weekly updates at the start of the ${offer.half} half of the ${name}`,
          byDate: offer.windowEndsOn,
          booked: none,
        });
      }
    }
    if (term.learningProgrammeUpdates.count === 0 && term.termlyMinimumsDue) {
      owed.push({
        key: `learning-programme-${term.term.name}`,
        what: `A learning-programme update sent home in the ${name}`,
        byDate: termEndsOn,
        booked: none,
      });
    }
  }
  const lastOpen = open.at(-1);
  if (lastOpen) {
    const yearEndsOn = lastOpen.placed?.endsOn ?? lastOpen.term.endsOn;
    const required = yearlyHomeVisitsRequired(terms);
    const homeVisitsShort = required - year.homeVisitsHeld.count;
    const bookedHomeVisits = open.flatMap((term) => term.homeVisitsBooked.records);
    const openDue = open.filter((term) => term.termlyMinimumsDue).length;
    if (homeVisitsShort > 0 && homeVisitsShort > openDue) {
      owed.push({
        key: 'home-visits-year',
        what: `${homeVisitsShort} more home visits this year to reach the minimum of ${required}`,
        byDate: yearEndsOn,
        booked: { count: bookedHomeVisits.length, records: bookedHomeVisits },
      });
    }
    if (year.learningMentorHomeVisits.count === 0) {
      const booked = open.flatMap((term) => term.learningMentorHomeVisitsBooked.records);
      owed.push({
        key: 'learning-mentor-home-visit',
        what: 'The Learning Mentor’s visit to the family home this year',
        byDate: yearEndsOn,
        booked: { count: booked.length, records: booked },
      });
    }
    const consultationsShort = yearlyConsultationsRequired(terms) - year.learningConsultationsOffered.count;
    if (consultationsShort > 0) {
      owed.push({
        key: 'learning-consultations',
        what: `${consultationsShort} more face-to-face learning consultation${consultationsShort === 1 ? '' : 's'} to offer this year`,
        byDate: yearEndsOn,
        booked: none,
      });
    }
  }
  return owed.sort((a, b) => (a.byDate < b.byDate ? -1 : a.byDate > b.byDate ? 1 : 0));
}
