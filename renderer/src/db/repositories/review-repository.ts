import type { AcademicYear, TermName } from '@shared/schemas/academic-year';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { Visit } from '@shared/schemas/visits';
import type { Relationship, YoungPerson } from '@shared/schemas/people';
import type { Restriction } from '@shared/schemas/registers';
import { reviewScope } from '@shared/rules/access';
import { defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import type { ContactMinimums, RecordRef } from '@shared/rules/contact-minimums';
import { addDays, mondayOf, startOfLocalDay } from '@shared/rules/termly-calendar';
import { reviewStableUntil } from '@shared/rules/review-stable-until';
import {
  yearReview,
  type ReviewFamilyMember,
  type TermReview,
  type YearReviewInput,
} from '@shared/rules/termly-review';
import { reviewRulesVersion, reviewSummaryId, type ReviewSummary } from '@shared/schemas/review-summary';
import { defaultTimeZone, homeSettingsSchema } from '@shared/schemas/home';
import { contactFormSettingsSchema } from '@shared/schemas/contact-forms';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import type { Session } from '../session';
import { reviewSettingKeys } from '../review-summary-invalidation';
import { contactFormCodec } from './contact-form-repository';
import { reviewSummaryRepository } from './review-summary-repository';
import { visitCodec } from './visit-repository';
import { displayName, youngPersonCodec } from './young-people-repository';
import { personCodec, relationshipCodec } from './people-repository';
import { restrictionCodec } from './restriction-repository';
import { staffCodec } from './staff-repository';

export type ReviewError = 'forbidden' | 'not-found';

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

export type TermlyOverview = {
  readonly year: AcademicYear;
  readonly termName: TermName;
  readonly termIndex: number;
  readonly scope: 'all' | 'own';
  readonly rows: readonly YoungPersonReview[];
};

/** A record behind a figure, opened for the drill-down: what it was, when, who took part. */
export type ReviewRecord =
  | { readonly type: 'visit'; readonly visit: Visit }
  | { readonly type: 'contactForm'; readonly form: ContactForm };

export type ReviewOptions = {
  /** Names of family members (needs their rows opened): the detail view wants them, the overview does not. */
  readonly withNames?: boolean;
};

const dayMs = 86_400_000;

/**
 * The contact-end range the review reads for a term: from the Monday of the year's first week (a
 * parent update that week counts) to the day after the term's end (a contact that ends after
 * midnight). Visits are read from a day earlier, by their start. Exported for the benchmark, so
 * its bare read covers exactly the same rows.
 */
export function reviewReadRange(
  year: AcademicYear,
  termIndex: number,
  timeZone: string,
): { from: string; to: string; visitsFrom: string } {
  const first = year.terms[0];
  const term = year.terms[termIndex];
  if (!first || !term) throw new RangeError(`The year ${year.label} has no term ${termIndex}`);
  const fromMs = startOfLocalDay(mondayOf(first.startsOn), timeZone);
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(startOfLocalDay(addDays(term.endsOn, 1), timeZone) + dayMs).toISOString(),
    visitsFrom: new Date(fromMs - dayMs).toISOString(),
  };
}

/**
 * The termly review's reads (issue 8). Need to know is applied here, before any row is opened: the
 * manager sees every young person, a Case Co-ordinator only those whose CC they are, and anyone
 * else nothing (`reviewScope`). Rows are found by their plain index columns (contact end, visit
 * start, young person) and only the ones in scope are opened; the figures come from the pure rules
 * in shared/rules/termly-review.ts.
 */
export function reviewRepository(db: FamilyLinksDb) {
  const records = recordWriter(db);
  const summaries = reviewSummaryRepository(db);
  async function timeZone(): Promise<string> {
    const parsed = homeSettingsSchema.safeParse((await db.settings.get(reviewSettingKeys.home))?.value);
    return parsed.success ? parsed.data.timeZone : defaultTimeZone;
  }
  async function dueHours(): Promise<number> {
    const parsed = contactFormSettingsSchema.safeParse(
      (await db.settings.get(reviewSettingKeys.contactForms))?.value,
    );
    return parsed.success ? parsed.data.dueHours : defaultContactFormDueHours;
  }

  /** The young people this person may review, opened; refused for anyone the policy does not name. */
  async function youngPeopleInScope(
    session: Session,
  ): Promise<Result<{ scope: 'all' | 'own'; youngPeople: YoungPerson[] }, ReviewError>> {
    const scope = reviewScope(session.roles);
    if (scope.kind === 'none')
      return fail('forbidden', 'The termly review is for Case Co-ordinators and the Registered Manager.');
    const all = await Promise.all(
      (await db.youngPeople.toArray()).map((row) => youngPersonCodec.decode(row, session.cipher)),
    );
    const youngPeople =
      scope.kind === 'all'
        ? all
        : all.filter((youngPerson) => youngPerson.caseCoordinatorId === session.staff.id);
    youngPeople.sort((a, b) => displayName(a).localeCompare(displayName(b), 'en-GB'));
    return ok({ scope: scope.kind, youngPeople });
  }

  async function reviewsFor(
    session: Session,
    youngPeople: readonly YoungPerson[],
    year: AcademicYear,
    termIndex: number,
    now: Date,
    options: ReviewOptions,
  ): Promise<WorkedOut[]> {
    const zone = await timeZone();
    const hours = await dueHours();
    const term = year.terms[termIndex];
    const first = year.terms[0];
    if (!term || !first) return [];
    const { from, to, visitsFrom } = reviewReadRange(year, termIndex, zone);
    const ids = new Set(youngPeople.map((youngPerson) => youngPerson.id));

    const [formRows, visitRows, relationshipRows, restrictionRows] = await Promise.all([
      db.contactForms.where('contactEndedAt').between(from, to, true, false).toArray(),
      db.visits.where('startsAt').between(visitsFrom, to, true, false).toArray(),
      db.relationships
        .where('youngPersonId')
        .anyOf([...ids])
        .toArray(),
      db.restrictions
        .where('youngPersonId')
        .anyOf([...ids])
        .toArray(),
    ]);
    const yearStart = first.startsOn;
    const [forms, visits, relationships, restrictions] = await Promise.all([
      Promise.all(
        formRows
          .filter((row) => ids.has(row.youngPersonId))
          .map((row) => contactFormCodec.decode(row, session.cipher)),
      ),
      Promise.all(
        visitRows
          .filter((row) => row.youngPersonIds.some((id) => ids.has(id)))
          .map((row) => visitCodec.decode(row, session.cipher)),
      ),
      Promise.all(relationshipRows.map((row) => relationshipCodec.decode(row, session.cipher))),
      // Only restrictions on a registered person that had not lapsed before the year began.
      Promise.all(
        restrictionRows
          .filter(
            (row) =>
              row.personId !== undefined && (row.effectiveTo === undefined || row.effectiveTo >= yearStart),
          )
          .map((row) => restrictionCodec.decode(row, session.cipher)),
      ),
    ]);
    const names = options.withNames ? await personNames(session, relationships) : new Map<string, string>();

    const formsBy = groupBy(forms, (form) => [form.youngPersonId]);
    const visitsBy = groupBy(visits, (visit) => visit.youngPersonIds);
    const relationshipsBy = groupBy(relationships, (link) => [link.youngPersonId]);
    const restrictionsBy = groupBy(restrictions, (restriction) => [restriction.youngPersonId]);

    return youngPeople.map((youngPerson) => {
      const family = (relationshipsBy.get(youngPerson.id) ?? []).map((link) => familyMember(link, names));
      const input: YearReviewInput = {
        youngPerson,
        year,
        visits: visitsBy.get(youngPerson.id) ?? [],
        forms: formsBy.get(youngPerson.id) ?? [],
        family,
        restrictions: (restrictionsBy.get(youngPerson.id) ?? []) satisfies Restriction[],
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

  /**
   * The overview's reviews: each young person's stored summary where it is still true at `now`,
   * the rest worked out from the records and stored for next time (best effort). Family members'
   * names are not part of a summary, so a view that wants them always works them out.
   */
  async function overviewRows(
    session: Session,
    youngPeople: readonly YoungPerson[],
    year: AcademicYear,
    termIndex: number,
    now: Date,
    options: ReviewOptions,
  ): Promise<YoungPersonReview[]> {
    const termName = year.terms[termIndex]?.name;
    if (options.withNames || termName === undefined)
      return (await reviewsFor(session, youngPeople, year, termIndex, now, options)).map(
        (each) => each.review,
      );
    const stored = await summaries.fresh(
      youngPeople.map((youngPerson) => youngPerson.id),
      year.id,
      termName,
      now,
      session.cipher,
    );
    const missing = youngPeople.filter((youngPerson) => !stored.byYoungPerson.has(youngPerson.id));
    const workedOut =
      missing.length > 0 ? await reviewsFor(session, missing, year, termIndex, now, options) : [];
    const fresh = new Map(workedOut.map((each) => [each.review.youngPerson.id, each.review]));
    const toKeep = workedOut.map(({ review, stableUntil }): ReviewSummary => ({
      id: reviewSummaryId(review.youngPerson.id, year.id, termName),
      youngPersonId: review.youngPerson.id,
      yearId: year.id,
      termName,
      computedAt: now.toISOString(),
      stableUntil: stableUntil.toISOString(),
      rulesVersion: reviewRulesVersion,
      minimums: review.minimums,
      terms: [...review.terms],
    }));
    await summaries.keep(toKeep, stored.inputsToken, session.cipher);
    return youngPeople.flatMap((youngPerson) => {
      const summary = stored.byYoungPerson.get(youngPerson.id);
      const row = summary
        ? reviewRow(youngPerson, summary.minimums, summary.terms)
        : fresh.get(youngPerson.id);
      return row ? [row] : [];
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
    return new Map(
      people.map((person) => [person.id, [person.firstName, person.lastName].filter(Boolean).join(' ')]),
    );
  }

  return {
    /**
     * The overview: every young person this person may review, for one term of one year (with
     * the year's earlier terms, for the trend). `now` decides which terms and weeks are over.
     */
    async termlyOverview(
      session: Session,
      yearId: string,
      termName: TermName,
      now: Date,
      options: ReviewOptions = {},
    ): Promise<Result<TermlyOverview, ReviewError>> {
      const inScope = await youngPeopleInScope(session);
      if (!inScope.ok) return inScope;
      const year = await db.academicYears.get(yearId);
      const termIndex = year ? year.terms.findIndex((term) => term.name === termName) : -1;
      if (!year || termIndex < 0)
        return fail('not-found', 'That term is not in the home’s calendar. Choose another.');
      const term = year.terms[termIndex];
      // Only young people placed at the home at some point in the term have a review for it.
      const placed = inScope.value.youngPeople.filter(
        (youngPerson) =>
          term !== undefined &&
          youngPerson.placementStartsOn <= term.endsOn &&
          (youngPerson.placementEndsOn === undefined || youngPerson.placementEndsOn >= term.startsOn),
      );
      const rows = await overviewRows(session, placed, year, termIndex, now, options);
      return ok({ year, termName, termIndex, scope: inScope.value.scope, rows });
    },

    /** One young person's review, with family members' names: refused (as not found) outside this person's scope. */
    async youngPersonReview(
      session: Session,
      youngPersonId: string,
      yearId: string,
      termName: TermName,
      now: Date,
    ): Promise<Result<YoungPersonReview, ReviewError>> {
      const inScope = await youngPeopleInScope(session);
      if (!inScope.ok) return inScope;
      const youngPerson = inScope.value.youngPeople.find((candidate) => candidate.id === youngPersonId);
      const year = await db.academicYears.get(yearId);
      const termIndex = year ? year.terms.findIndex((term) => term.name === termName) : -1;
      if (!youngPerson || !year || termIndex < 0)
        return fail('not-found', 'That young person’s review is not one you can open.');
      const [row] = await reviewsFor(session, [youngPerson], year, termIndex, now, { withNames: true });
      return row ? ok(row.review) : fail('not-found', 'That young person’s review is not one you can open.');
    },

    /**
     * The records behind a figure, opened, for the drill-down. Each is checked against this
     * person's scope by its young person, so a list of ids cannot reach anyone else's records.
     */
    async recordsBehind(
      session: Session,
      refs: readonly RecordRef[],
    ): Promise<Result<ReviewRecord[], ReviewError>> {
      const inScope = await youngPeopleInScope(session);
      if (!inScope.ok) return inScope;
      const ids = new Set(inScope.value.youngPeople.map((youngPerson) => youngPerson.id));
      const visitIds = refs.filter((ref) => ref.type === 'visit').map((ref) => ref.id);
      const formIds = refs.filter((ref) => ref.type === 'contactForm').map((ref) => ref.id);
      const [visitRows, formRows] = await Promise.all([
        db.visits.bulkGet(visitIds),
        db.contactForms.bulkGet(formIds),
      ]);
      const visits = await Promise.all(
        visitRows.flatMap((row) =>
          row && row.youngPersonIds.some((id) => ids.has(id)) ? [visitCodec.decode(row, session.cipher)] : [],
        ),
      );
      const forms = await Promise.all(
        formRows.flatMap((row) =>
          row && ids.has(row.youngPersonId) ? [contactFormCodec.decode(row, session.cipher)] : [],
        ),
      );
      const records: ReviewRecord[] = [
        ...visits.map((visit) => ({ type: 'visit' as const, visit: { ...visit, notes: '' } })),
        ...forms.map((form) => ({ type: 'contactForm' as const, form })),
      ];
      records.sort((a, b) => startOf(a).localeCompare(startOf(b)));
      return ok(records);
    },

    /**
     * Notes in the audit log that the termly report left the app, with the file's SHA-256 (the
     * disclosure itself is recorded first, through the disclosure log).
     */
    async recordReportExport(
      session: Session,
      report: {
        kind: 'csv' | 'pdf';
        yearLabel: string;
        termName: TermName;
        sha256: string;
        disclosureId: string;
      },
    ): Promise<Result<void, ReviewError>> {
      if (reviewScope(session.roles).kind === 'none')
        return fail('forbidden', 'The termly review is for Case Co-ordinators and the Registered Manager.');
      await records.write(session, {
        events: [
          {
            action: 'review.report-exported',
            recordType: 'disclosure',
            recordId: report.disclosureId,
            detail: `${report.kind.toUpperCase()} ${report.yearLabel} ${report.termName} term, SHA-256 ${report.sha256}`,
          },
        ],
      });
      return ok(undefined);
    },

    /** Staff names, for showing who took part in a record. */
    async staffNames(session: Session): Promise<Map<string, string>> {
      const staff = await Promise.all(
        (await db.staff.toArray()).map((row) => staffCodec.decode(row, session.cipher)),
      );
      return new Map(staff.map((member) => [member.id, member.name]));
    },

    /** Family and other people's names, by id, for the drill-down. Only people related to a young person in scope. */
    async peopleNames(session: Session, personIds: readonly string[]): Promise<Map<string, string>> {
      const inScope = await youngPeopleInScope(session);
      if (!inScope.ok) return new Map();
      const ids = new Set(inScope.value.youngPeople.map((youngPerson) => youngPerson.id));
      const links = await db.relationships
        .where('personId')
        .anyOf([...new Set(personIds)])
        .toArray();
      const allowed = [
        ...new Set(links.filter((link) => ids.has(link.youngPersonId)).map((link) => link.personId)),
      ];
      return personNames(
        session,
        allowed.map((personId) => ({ personId }) as Relationship),
      );
    },
  };
}

/** A review worked out from the records, and the instant from which the clock alone could change it. */
type WorkedOut = { readonly review: YoungPersonReview; readonly stableUntil: Date };

function reviewRow(
  youngPerson: YoungPerson,
  minimums: ContactMinimums,
  terms: readonly TermReview[],
): YoungPersonReview {
  return {
    youngPerson: {
      id: youngPerson.id,
      caseNumber: youngPerson.caseNumber,
      personalTutorId: youngPerson.personalTutorId,
      caseCoordinatorId: youngPerson.caseCoordinatorId,
      learningMentorId: youngPerson.learningMentorId,
      name: displayName(youngPerson),
    },
    minimums,
    terms,
  };
}

function startOf(record: ReviewRecord): string {
  return record.type === 'visit' ? record.visit.startsAt : record.form.contactStartedAt;
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

function groupBy<Item>(
  items: readonly Item[],
  keysOf: (item: Item) => readonly string[],
): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export type ReviewRepository = ReturnType<typeof reviewRepository>;
