import type { AcademicYear, TermName } from '@shared/schemas/academic-year';
import { displayName } from '@shared/display-names';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { Visit } from '@shared/schemas/visits';
import type { Relationship, YoungPerson } from '@shared/schemas/people';
import { reviewScope } from '@shared/rules/access';
import type { RecordRef } from '@shared/rules/contact-minimums';
import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import { reviewRulesVersion, type ReviewSummary } from '@shared/schemas/review-summary';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { auditFileLeft } from './disclosure-repository';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import { trustedYear } from './academic-year-trail';
import { reviewSummaryRepository } from './review-summary-repository';
import { visitCodec } from './visit-codec';
import { youngPersonCodec } from './young-people-repository';
import { staffCodec } from './staff-repository';
import {
  recordsPicked,
  termOverviewOf,
  type RecordsPick,
  type TermOverview,
} from '@shared/rules/term-overview';
import { reviewWorkings, youngPersonOfReview, type YoungPersonReview } from './review-workings';

export type ReviewError = 'forbidden' | 'not-found';

export type TermlyOverview = {
  readonly year: AcademicYear;
  readonly termName: TermName;
  readonly termIndex: number;
  readonly scope: 'all' | 'own';
  readonly rows: readonly OverviewRow[];
};

/**
 * One young person's row of the overview: who, and their review of the term asked for, with the
 * records behind each figure counted (`recordsOf` lists them when a figure is opened).
 */
export type OverviewRow = {
  readonly youngPerson: YoungPersonReview['youngPerson'];
  readonly review: TermOverview;
};

/** A record behind a figure, opened for the drill-down: what it was, when, who took part. */
export type ReviewRecord =
  | { readonly type: 'visit'; readonly visit: Visit }
  | { readonly type: 'contactForm'; readonly form: ContactForm };

/**
 * The termly review's reads (seed 004, 5.5). Need to know is applied here, before any row is opened: the
 * manager sees every young person, a Case Co-ordinator only those whose CC they are, and anyone
 * else nothing (`reviewScope`). Rows are found by their plain index columns (contact end, visit
 * start, young person) and only the ones in scope are opened; the figures come from the pure rules
 * in shared/rules/termly-review.ts.
 */
export function reviewRepository(db: FamilyLinksDb) {
  const records = recordWriter(db);
  const { reviewsFor, personNames } = reviewWorkings(db);
  const summaries = reviewSummaryRepository(db);

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

  /** One young person's review of a term, found: refused (as not found) outside this person's scope. */
  async function reviewOf(
    session: Session,
    youngPersonId: string,
    yearId: string,
    termName: TermName,
  ): Promise<Result<{ youngPerson: YoungPerson; year: AcademicYear; termIndex: number }, ReviewError>> {
    const inScope = await youngPeopleInScope(session);
    if (!inScope.ok) return inScope;
    const youngPerson = inScope.value.youngPeople.find((candidate) => candidate.id === youngPersonId);
    const year = await trustedYear(db, yearId, session.auditKey);
    const termIndex = year ? year.terms.findIndex((term) => term.name === termName) : -1;
    if (!youngPerson || !year || termIndex < 0)
      return fail('not-found', 'That young person’s review is not one you can open.');
    return ok({ youngPerson, year, termIndex });
  }

  /**
   * The overview's reviews of one term: each young person's stored summary where it is still true
   * at `now`, the rest worked out from the records and stored for next time (best effort). Family
   * members' names are not part of a summary (the overview does not show them).
   */
  async function overviewRows(
    session: Session,
    youngPeople: readonly YoungPerson[],
    year: AcademicYear,
    termIndex: number,
    now: Date,
  ): Promise<OverviewRow[]> {
    const termName = year.terms[termIndex]?.name;
    if (termName === undefined) return [];
    const stored = await summaries.fresh(
      youngPeople.map((youngPerson) => youngPerson.id),
      year.id,
      termName,
      now,
      session.cipher,
    );
    const missing = youngPeople.filter((youngPerson) => !stored.byYoungPerson.has(youngPerson.id));
    const workedOut = missing.length > 0 ? await reviewsFor(session, missing, year, termIndex, now, {}) : [];
    const toKeep = workedOut.flatMap(({ review, stableUntil }): ReviewSummary[] => {
      const termReview = review.terms[termIndex];
      return termReview
        ? [
            {
              id: reviewSummaryId(review.youngPerson.id, year.id, termName),
              youngPersonId: review.youngPerson.id,
              yearId: year.id,
              termName,
              computedAt: now.toISOString(),
              stableUntil: stableUntil.toISOString(),
              rulesVersion: reviewRulesVersion,
              review: termReview,
            },
          ]
        : [];
    });
    const fresh = new Map(toKeep.map((summary) => [summary.youngPersonId, termOverviewOf(summary.review)]));
    await summaries.keep(toKeep, stored.inputsToken, session.cipher);
    return youngPeople.flatMap((youngPerson) => {
      const review = stored.byYoungPerson.get(youngPerson.id)?.overview ?? fresh.get(youngPerson.id);
      return review ? [{ youngPerson: youngPersonOfReview(youngPerson), review }] : [];
    });
  }

  return {
    /**
     * The overview: every young person this person may review, for one term of one year (with
     * the term's own review of each). `now` decides which terms and weeks are over.
     */
    async termlyOverview(
      session: Session,
      yearId: string,
      termName: TermName,
      now: Date,
    ): Promise<Result<TermlyOverview, ReviewError>> {
      const inScope = await youngPeopleInScope(session);
      if (!inScope.ok) return inScope;
      const year = await trustedYear(db, yearId, session.auditKey);
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
      const rows = await overviewRows(session, placed, year, termIndex, now);
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
      const found = await reviewOf(session, youngPersonId, yearId, termName);
      if (!found.ok) return found;
      const { youngPerson, year, termIndex } = found.value;
      const [row] = await reviewsFor(session, [youngPerson], year, termIndex, now, { withNames: true });
      return row ? ok(row.review) : fail('not-found', 'That young person’s review is not one you can open.');
    },

    /**
     * The records behind one figure of a young person's row of the overview (which holds only
     * their count): from the whole review stored with the summary while it is still true at
     * `now`, else worked out afresh. Refused (as not found) outside this person's scope.
     */
    async recordsOf(
      session: Session,
      youngPersonId: string,
      yearId: string,
      termName: TermName,
      now: Date,
      pick: RecordsPick,
    ): Promise<Result<readonly RecordRef[], ReviewError>> {
      const found = await reviewOf(session, youngPersonId, yearId, termName);
      if (!found.ok) return found;
      const { youngPerson, year, termIndex } = found.value;
      const stored = await summaries.whole(youngPersonId, yearId, termName, now, session.cipher);
      const review =
        stored?.review ??
        (await reviewsFor(session, [youngPerson], year, termIndex, now, {}))[0]?.review.terms[termIndex];
      return review
        ? ok(recordsPicked(review, pick))
        : fail('not-found', 'That young person’s review is not one you can open.');
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
      await auditFileLeft(records, session, {
        action: 'review.report-exported',
        disclosureId: report.disclosureId,
        detail: `${report.kind.toUpperCase()} ${report.yearLabel} ${report.termName} term, SHA-256 ${report.sha256}`,
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

function startOf(record: ReviewRecord): string {
  return record.type === 'visit' ? record.visit.startsAt : record.form.contactStartedAt;
}

export type ReviewRepository = ReturnType<typeof reviewRepository>;
