import type { AcademicYear } from '@shared/schemas/academic-year';
import { displayName, displayPersonName } from '@shared/display-names';
import type { Relationship, YoungPerson } from '@shared/schemas/people';
import { visitSchema, type Visit } from '@shared/schemas/visits';
import { defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import type { ContactMinimums } from '@shared/rules/contact-minimums';
import { reviewStableUntil } from '@shared/rules/review-stable-until';
import {
  yearReview,
  type ReviewFamilyMember,
  type ReviewRestriction,
  type TermReview,
  type YearReviewInput,
} from '@shared/rules/termly-review';
import { defaultTimeZone, homeSettingsSchema } from '@shared/schemas/home';
import { contactFormSchema, contactFormSettingsSchema } from '@shared/schemas/contact-forms';
import type { ContactFormRow, FamilyLinksDb, VisitPlainKey } from '../database';
import type { SealedRow } from '../sealed-codec';
import type { Session } from '../session';
import { reviewSettingKeys } from '../review-summary-invalidation';
import { readHomeSetting } from './home-settings-reads';
import { contactFormCodec } from './contact-form-codec';
import { visitCodec } from './visit-codec';
import { personCodec, relationshipCodec } from './people-repository';
import { restrictionCodec } from './restriction-codec';
import { contactArrangementCodec } from './contact-plan-repository';
import {
  groupBy,
  openAsRead,
  reviewReadRange,
  rowsOfEach,
  visitReadPlan,
  type VisitReadPlan,
} from './review-read-plan';

/** One young person's row of the overview: who, and each term of the year so far. */
export type YoungPersonReview = {
  readonly youngPerson: Pick<
    YoungPerson,
    'id' | 'caseNumber' | 'personalTutorId' | 'caseCoordinatorId' | 'learningMentorId'
  > & { readonly name: string };
  readonly minimums: ContactMinimums;
  /** The year's terms in order; terms after the one asked for are left out. */
  readonly terms: readonly TermReview[];
};

export type ReviewOptions = {
  /** Names of family members (needs their rows opened): the detail view wants them, the overview does not. */
  readonly withNames?: boolean;
};

/** Young people worked out together (`reviewsFor`). */
const youngPeopleABatch = 10;

/** Visits read a part at a time, so the first part can be opened while the rest are read. */
const visitsPerPart = 200;

/**
 * What the rules read of a form and of a visit (`yearReview`'s input, and the young person to
 * group by): a `pick` of the record's own schema, so those fields are checked as strictly as ever.
 * A form's `dueAt` is among them: the review judges each form by the deadline it was given, as the
 * forms list does, not by the home's hours now.
 */
const reviewFormSchema = contactFormSchema.pick({
  id: true,
  youngPersonId: true,
  kind: true,
  visitId: true,
  contactStartedAt: true,
  contactEndedAt: true,
  dueAt: true,
  authorId: true,
  staffIds: true,
  personIds: true,
  filedAt: true,
  amendsFormId: true,
  youngPersonViews: true,
  familyFeeling: true,
  familyFeelingWords: true,
  viewsUsed: true,
  toldNextOn: true,
});
const reviewVisitSchema = visitSchema.pick({
  id: true,
  youngPersonIds: true,
  kind: true,
  status: true,
  startsAt: true,
  staffIds: true,
  personIds: true,
});

type VisitRow = SealedRow<Visit, VisitPlainKey>;

/** What a batch of reviews is worked out for: whose session, which term, when, and the home's settings. */
type Asked = {
  /** Every row of the visits' read range, when the range is read once for every batch (`visitReadPlan`). */
  readonly visitsInRange: Promise<VisitRow[]> | undefined;
  readonly session: Session;
  readonly year: AcademicYear;
  readonly termIndex: number;
  readonly now: Date;
  readonly options: ReviewOptions;
  readonly zone: string;
  readonly hours: number;
};

/** A review worked out from the records, and the instant from which the clock alone could change it. */
type WorkedOut = { readonly review: YoungPersonReview; readonly stableUntil: Date };

/**
 * Working out termly reviews from the records: the rows a term's review reads (found by their
 * plain index columns: contact end, visit start, young person), opened only for the young people
 * asked about, and the figures from the pure rules in shared/rules/termly-review.ts. Whom a person
 * may ask about is the review repository's to decide, before it calls this.
 */
export function reviewWorkings(db: FamilyLinksDb) {
  // Through the checked read: a row changed outside Family Links gives the defaults, never its value.
  async function timeZone(): Promise<string> {
    return (
      (await readHomeSetting(db, reviewSettingKeys.home, homeSettingsSchema))?.timeZone ?? defaultTimeZone
    );
  }
  async function dueHours(): Promise<number> {
    return (
      (await readHomeSetting(db, reviewSettingKeys.contactForms, contactFormSettingsSchema))?.dueHours ??
      defaultContactFormDueHours
    );
  }

  /**
   * These young people's forms whose contact ended in [from, to), in parts (one a young person):
   * one range of the young-person-and-contact-end index each, so nobody else's rows are read.
   */
  function formParts(ids: ReadonlySet<string>, from: string, to: string): Promise<ContactFormRow[]>[] {
    return [...ids].map((id) =>
      db.contactForms
        .where('[youngPersonId+contactEndedAt]')
        .between([id, from], [id, to], true, false)
        .toArray(),
    );
  }

  /**
   * These young people's visits starting in [from, to), in parts. A visit can be for several young
   * people, so there is no index of young person and start together: the keys of both indexes are
   * read (keys only, no rows), and only the rows in both are read, a part at a time. A row is
   * checked again as it arrives, in case it was changed between the two reads.
   */
  async function visitParts(
    ids: ReadonlySet<string>,
    from: string,
    to: string,
  ): Promise<Promise<VisitRow[]>[]> {
    const [inRange, ...theirs] = await db.transaction('r', db.visits, () =>
      Promise.all([
        db.visits.where('startsAt').between(from, to, true, false).primaryKeys(),
        ...[...ids].map((id) => db.visits.where('youngPersonIds').equals(id).primaryKeys()),
      ]),
    );
    const wanted = new Set(theirs.flat());
    const keys = inRange.filter((key) => wanted.has(key));
    const parts: Promise<VisitRow[]>[] = [];
    for (let start = 0; start < keys.length; start += visitsPerPart)
      parts.push(
        db.visits
          .bulkGet(keys.slice(start, start + visitsPerPart))
          .then((rows) =>
            rows.filter(
              (row): row is VisitRow =>
                row !== undefined &&
                row.startsAt >= from &&
                row.startsAt < to &&
                row.youngPersonIds.some((id) => ids.has(id)),
            ),
          ),
      );
    return parts;
  }

  /** Every visit starting in [from, to), in the `startsAt` index's order (as `visitParts` gives them). */
  function visitsStartingIn(from: string, to: string): Promise<VisitRow[]> {
    return db.visits.where('startsAt').between(from, to, true, false).toArray();
  }

  /** Every visit in a term's read range (`reviewReadRange`). */
  function visitsInReadRange(year: AcademicYear, termIndex: number, zone: string): Promise<VisitRow[]> {
    const { visitsFrom, to } = reviewReadRange(year, termIndex, zone);
    return visitsStartingIn(visitsFrom, to);
  }

  /** Of the rows of a range read, the visits for any of these young people. */
  function visitsOfAny(rows: readonly VisitRow[], ids: ReadonlySet<string>): VisitRow[] {
    return rows.filter((row) => row.youngPersonIds.some((id) => ids.has(id)));
  }

  /** The forms and visits a review of these young people reads, for `reviewReadRange`'s range. */
  async function reviewInputRows(
    ids: ReadonlySet<string>,
    range: { from: string; to: string; visitsFrom: string },
    plan: VisitReadPlan,
  ): Promise<{ forms: ContactFormRow[]; visits: VisitRow[] }> {
    const [forms, visits] = await Promise.all([
      Promise.all(formParts(ids, range.from, range.to)),
      plan === 'range'
        ? visitsStartingIn(range.visitsFrom, range.to).then((rows) => [visitsOfAny(rows, ids)])
        : visitParts(ids, range.visitsFrom, range.to).then((parts) => Promise.all(parts)),
    ]);
    return { forms: forms.flat(), visits: visits.flat() };
  }

  /**
   * Works the reviews out in batches of young people, all under way at once: while one batch's
   * rules run on the page's thread, the next batch's rows are still being read and decrypted.
   */
  async function reviewsFor(
    session: Session,
    youngPeople: readonly YoungPerson[],
    year: AcademicYear,
    termIndex: number,
    now: Date,
    options: ReviewOptions,
  ): Promise<WorkedOut[]> {
    const [zone, hours, youngPeopleInHome] = await Promise.all([
      timeZone(),
      dueHours(),
      db.youngPeople.count(),
    ]);
    const batches: YoungPerson[][] = [];
    for (let start = 0; start < youngPeople.length; start += youngPeopleABatch)
      batches.push(youngPeople.slice(start, start + youngPeopleABatch));
    // Read once for every batch; each keeps its own young people's visits.
    const visitsInRange =
      year.terms[termIndex] !== undefined && visitReadPlan(youngPeople.length, youngPeopleInHome) === 'range'
        ? visitsInReadRange(year, termIndex, zone)
        : undefined;
    const asked: Asked = { visitsInRange, session, year, termIndex, now, options, zone, hours };
    const worked = await Promise.all(batches.map((batch) => reviewsOfBatch(batch, asked)));
    return worked.flat();
  }

  async function reviewsOfBatch(youngPeople: readonly YoungPerson[], asked: Asked): Promise<WorkedOut[]> {
    const { visitsInRange, session, year, termIndex, now, options, zone, hours } = asked;
    const term = year.terms[termIndex];
    const first = year.terms[0];
    if (!term || !first) return [];
    const { from, to, visitsFrom } = reviewReadRange(year, termIndex, zone);

    const ids = new Set(youngPeople.map((youngPerson) => youngPerson.id));
    // Each part is opened as soon as it is read, so opening one overlaps reading the next (on the
    // large home, 10 to 30% sooner than reading every row first). The forms and visits are parsed
    // for the fields the rules read only, the whole seal still authenticated: most of a form is
    // what was said, which no figure reads.
    const [forms, visits, relationshipRows, restrictionRows, planRows] = await Promise.all([
      openAsRead(formParts(ids, from, to), (row) =>
        contactFormCodec.decodeAs(row, session.cipher, reviewFormSchema),
      ),
      (visitsInRange
        ? Promise.resolve([visitsInRange.then((rows) => visitsOfAny(rows, ids))])
        : visitParts(ids, visitsFrom, to)
      ).then((parts) =>
        openAsRead(parts, (row) => visitCodec.decodeAs(row, session.cipher, reviewVisitSchema)),
      ),
      rowsOfEach(db.relationships, ids),
      rowsOfEach(db.restrictions, ids),
      rowsOfEach(db.contactArrangements, ids),
    ]);
    const yearStart = first.startsOn;
    const [relationships, restrictions, plan] = await Promise.all([
      Promise.all(relationshipRows.map((row) => relationshipCodec.decode(row, session.cipher))),
      // Only restrictions on a registered person that had not lapsed before the year began.
      Promise.all(
        restrictionRows
          .filter(
            (row) =>
              row.personId !== undefined && (row.effectiveTo === undefined || row.effectiveTo >= yearStart),
          )
          .map((row) => restrictionCodec.decodeInstruction(row, session.cipher)),
      ),
      // Only arrangements that had not ended before the year began.
      Promise.all(
        planRows
          .filter((row) => row.endsOn === undefined || row.endsOn >= yearStart)
          .map((row) => contactArrangementCodec.decode(row, session.cipher)),
      ),
    ]);
    const names = options.withNames ? await personNames(session, relationships) : new Map<string, string>();

    const formsBy = groupBy(forms, (form) => [form.youngPersonId]);
    const visitsBy = groupBy(visits, (visit) => visit.youngPersonIds);
    const relationshipsBy = groupBy(relationships, (link) => [link.youngPersonId]);
    const restrictionsBy = groupBy(restrictions, (restriction) => [restriction.youngPersonId]);
    const planBy = groupBy(plan, (arrangement) => [arrangement.youngPersonId]);

    return youngPeople.map((youngPerson) => {
      const family = (relationshipsBy.get(youngPerson.id) ?? []).map((link) => familyMember(link, names));
      const input: YearReviewInput = {
        youngPerson,
        year,
        visits: visitsBy.get(youngPerson.id) ?? [],
        forms: formsBy.get(youngPerson.id) ?? [],
        family,
        restrictions: (restrictionsBy.get(youngPerson.id) ?? []) satisfies ReviewRestriction[],
        plan: planBy.get(youngPerson.id) ?? [],
        now,
        timeZone: zone,
        dueHours: hours,
      };
      const review = yearReview(input);
      return {
        review: reviewRow(youngPerson, review.minimums, review.terms.slice(0, termIndex + 1)),
        stableUntil: reviewStableUntil(input),
      };
    });
  }

  async function personNames(
    session: Session,
    relationships: readonly Relationship[],
  ): Promise<Map<string, string>> {
    const personIds = [...new Set(relationships.map((link) => link.personId))];
    const rows = await db.people.bulkGet(personIds);
    const people = await Promise.all(
      rows.flatMap((row) => (row ? [personCodec.decode(row, session.cipher)] : [])),
    );
    return new Map(people.map((person) => [person.id, displayPersonName(person)]));
  }

  return { reviewsFor, reviewInputRows, personNames };
}

/** Who a review is of, as a review shows them. */
export function youngPersonOfReview(youngPerson: YoungPerson): YoungPersonReview['youngPerson'] {
  return {
    id: youngPerson.id,
    caseNumber: youngPerson.caseNumber,
    personalTutorId: youngPerson.personalTutorId,
    caseCoordinatorId: youngPerson.caseCoordinatorId,
    learningMentorId: youngPerson.learningMentorId,
    name: displayName(youngPerson),
  };
}

export function reviewRow(
  youngPerson: YoungPerson,
  minimums: ContactMinimums,
  terms: readonly TermReview[],
): YoungPersonReview {
  return { youngPerson: youngPersonOfReview(youngPerson), minimums, terms };
}

function familyMember(link: Relationship, names: ReadonlyMap<string, string>): ReviewFamilyMember {
  return {
    personId: link.personId,
    name: names.get(link.personId) ?? link.relationship,
    relationship: link.relationship,
    category: link.category,
    hasParentalResponsibility: link.hasParentalResponsibility,
  };
}
