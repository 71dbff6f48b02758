import { displayName, displayPersonName } from '@shared/display-names';
import { can } from '@shared/rules/access';
import { academicYearSpan, type AcademicYearDates } from '@shared/rules/academic-calendar';
import { contactMinimums, contactsFrom, familyCircle } from '@shared/rules/contact-minimums';
import type { ContactAgainstPlan } from '@shared/rules/contact-plan';
import { formActionStatus, type FormActionStatus } from '@shared/rules/form-actions';
import {
  holdingsOf,
  isPlacedOn,
  nextBookedContact,
  owedLines,
  type Holding,
  type OwedLine,
} from '@shared/rules/my-young-people';
import { addDays, startOfDayIn } from '@shared/home-time';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { FormAction } from '@shared/schemas/form-actions';
import type { YoungPerson } from '@shared/schemas/people';
import type { Visit } from '@shared/schemas/visits';
import type { FamilyLinksDb } from '../database';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { academicYearRepository } from './academic-year-repository';
import { contactFormRepository } from './contact-form-repository';
import { againstPlanInTerm } from './contact-plan-figures';
import { contactPlanRepository } from './contact-plan-repository';
import { formActionCodec } from './form-action-repository';
import { personCodec, relationshipCodec } from './people-repository';
import { visitRepository } from './visit-repository';
import { youngPersonCodec } from './young-people-repository';

/** One young person as the member of staff who holds them sees their work. */
export type MyYoungPerson = {
  readonly youngPerson: YoungPerson;
  readonly holdings: readonly Holding[];
  /** What the policy asks of this person for them this week, this term and this year. */
  readonly lines: readonly OwedLine[];
  /** Their contact forms not yet filed (this person's own and any other they may read). */
  readonly formsOwed: readonly ContactForm[];
  /** Open actions on their filed forms that are this person's, or all of them for their CC. */
  readonly actions: readonly { readonly action: FormAction; readonly status: FormActionStatus }[];
  /** The next contact booked in the schedule, if any. */
  readonly nextBooked: Visit | undefined;
  /** The contact plan's figures for this term, with whom each is with; undefined when this person may not read them. */
  readonly plan: readonly { readonly figure: ContactAgainstPlan; readonly personName: string }[] | undefined;
};

export type MyYoungPeopleRead =
  | { readonly kind: 'notHeld' }
  | { readonly kind: 'noYear'; readonly today: string }
  | {
      readonly kind: 'ready';
      readonly yearLabel: string;
      readonly youngPeople: readonly MyYoungPerson[];
    };

/** The roles that hold young people (a young person's record names their PT, CC and LM). */
const holdingRoles = ['personalTutor', 'caseCoordinator', 'learningMentor'] as const;

/**
 * "My young people": for each young person the signed-in member of staff holds as PT, CC or LM
 * and who is placed today, what they owe them (`owedLines`, the termly review's own minimums),
 * the forms and actions due, the next booked contact and the plan's figures. Need to know (DESIGN
 * rule 8): only the young people whose record names this person; everything else is read through
 * each of those young people's indexes (forms by [young person, contact end], visits, actions,
 * relationships and arrangements by young person), never a whole table of records. The young
 * people's own table is opened whole: who holds them is sealed, and it holds tens of rows.
 */
export function myYoungPeopleRepository(db: FamilyLinksDb) {
  const youngPeopleStore = sealedStore(db.youngPeople, youngPersonCodec);
  const relationships = sealedStore(db.relationships, relationshipCodec);
  const actionsStore = sealedStore(db.formActions, formActionCodec);
  const people = sealedStore(db.people, personCodec);
  const forms = contactFormRepository(db);
  const visits = visitRepository(db);
  const plans = contactPlanRepository(db);

  /** Each figure with the name of the family member it is with (their rows opened one by one: a plan has a few). */
  async function namedFigures(session: Session, figures: readonly ContactAgainstPlan[]) {
    const names = new Map<string, string>();
    for (const personId of new Set(figures.map((figure) => figure.personId))) {
      const person = await people.get(personId, session.cipher);
      names.set(personId, person ? displayPersonName(person) : 'Someone no longer listed');
    }
    return figures.map((figure) => ({ figure, personName: names.get(figure.personId) ?? '' }));
  }

  async function readOne(
    session: Session,
    youngPerson: YoungPerson,
    holdings: readonly Holding[],
    year: AcademicYearDates,
    span: { readonly startsOn: string; readonly endsOn: string },
    mine: readonly ContactForm[],
    now: Date,
    today: string,
    timeZone: string,
  ): Promise<MyYoungPerson> {
    // A week either side: a parent update in a term's first or last week may fall outside the term.
    const from = startOfDayIn(addDays(span.startsOn, -7), timeZone);
    const to = startOfDayIn(addDays(span.endsOn, 8), timeZone);
    const readsPlan = can(session.roles, 'contact-plan:read-agreement');
    const isCaseCoordinator = holdings.includes('caseCoordinator');
    const [visitsFromYear, formsInYear, relationshipRows, actionRows, plan] = await Promise.all([
      // To the far future too: the next booked contact may be after the year's end.
      visits.listForYoungPerson(session, youngPerson.id, from, '9999-12-31T00:00:00.000Z'),
      forms.listForYoungPerson(session, youngPerson.id, from, to),
      db.relationships.where('youngPersonId').equals(youngPerson.id).toArray(),
      db.formActions
        .where('youngPersonId')
        .equals(youngPerson.id)
        .filter(
          (row) => row.status === 'open' && (isCaseCoordinator || row.ownerStaffId === session.staff.id),
        )
        .toArray(),
      readsPlan ? plans.listForYoungPerson(session, youngPerson.id) : undefined,
    ]);
    const [links, { records: actions }] = await Promise.all([
      relationships.open(relationshipRows, session.cipher),
      actionsStore.openEach(actionRows, session.cipher),
    ]);
    const { parentIds, familyIds } = familyCircle(links);
    const contacts = contactsFrom(visitsFromYear, formsInYear);
    const minimums = contactMinimums({
      youngPerson,
      year,
      contacts: contacts.filter((contact) => contact.startsMs < Date.parse(to)),
      parentIds,
      familyIds,
      now,
      timeZone,
    });
    const next = nextBookedContact(contacts, now);
    const nextVisitId = next?.records.find((record) => record.type === 'visit')?.id;
    const term = year.terms.find((candidate) => candidate.startsOn <= today && today <= candidate.endsOn);
    const figures =
      plan && term ? againstPlanInTerm(youngPerson, term, plan.arrangements, contacts, now, timeZone) : [];
    const drafts = new Map<string, ContactForm>();
    for (const form of [...formsInYear, ...mine])
      if (form.status === 'draft' && form.youngPersonId === youngPerson.id) drafts.set(form.id, form);
    return {
      youngPerson,
      holdings,
      lines: owedLines(minimums, holdings, today),
      formsOwed: [...drafts.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
      actions: actions
        .map((action) => ({ action, status: formActionStatus(action, now, timeZone) }))
        .sort((a, b) => (a.action.dueOn ?? '9999').localeCompare(b.action.dueOn ?? '9999')),
      nextBooked: visitsFromYear.find((visit) => visit.id === nextVisitId),
      plan: plan === undefined ? undefined : await namedFigures(session, figures),
    };
  }

  return {
    async read(session: Session, now: Date, today: string, timeZone: string): Promise<MyYoungPeopleRead> {
      if (!holdingRoles.some((role) => session.roles.includes(role))) return { kind: 'notHeld' };
      const [{ records: everyone }, years] = await Promise.all([
        // A damaged row is left out here (the damaged-records panel reports it), not allowed to hide the rest.
        youngPeopleStore.openEach(await db.youngPeople.toArray(), session.cipher),
        academicYearRepository(db).list(session),
      ]);
      const held = everyone
        .map((youngPerson) => ({ youngPerson, holdings: holdingsOf(youngPerson, session.staff.id) }))
        .filter(({ youngPerson, holdings }) => holdings.length > 0 && isPlacedOn(youngPerson, today))
        .sort((a, b) => displayName(a.youngPerson).localeCompare(displayName(b.youngPerson), 'en-GB'));
      const found = years
        .map((year) => ({ year, span: academicYearSpan(year) }))
        .find(({ span }) => span !== undefined && span.startsOn <= today && today <= span.endsOn);
      if (!found?.span) return { kind: 'noYear', today };
      const { year, span } = found;
      const mine = held.length > 0 ? await forms.owedBy(session) : [];
      const youngPeople = await Promise.all(
        held.map(({ youngPerson, holdings }) =>
          readOne(session, youngPerson, holdings, year, span, mine, now, today, timeZone),
        ),
      );
      return { kind: 'ready', yearLabel: year.label, youngPeople };
    },
  };
}
