import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import { reviewRepository } from '../../../../../renderer/src/db/repositories/review-repository';
import { reviewSummaryCodec } from '../../../../../renderer/src/db/repositories/review-summary-repository';
import { reviewRow, reviewWorkings } from '../../../../../renderer/src/db/repositories/review-workings';
import {
  reviewReadRange,
  visitReadPlan,
  type VisitReadPlan,
} from '../../../../../renderer/src/db/repositories/review-read-plan';
import { contactKinds, familyFeelings } from '@shared/schemas/contact-forms';
import { visitKinds, visitStatuses } from '@shared/schemas/visits';
import { defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import { reviewStableUntil } from '@shared/rules/review-stable-until';
import { yearReview, type YearReviewInput } from '@shared/rules/termly-review';
import { visitCodec } from '../../../../../renderer/src/db/repositories/visit-codec';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildAcademicYear, buildContactForm, buildVisit, buildYoungPerson } from '../../../../factories';
import { springTermUnderWay as now } from '../review-test-home';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

const year = buildAcademicYear({ startYear: 2026 });

/** Three young people, each with a phone call this term and a home visit last term, and one visit for two of them. */
async function setUp() {
  db = freshDatabase();
  const manager = await testSession(['registeredManager']);
  await db.academicYears.add({ ...year, startsOn: '2026-09-03', endsOn: '2027-07-21' });
  const youngPeople = ['Amelia', 'Tom', 'Ravi'].map((firstName) =>
    buildYoungPerson({ firstName, personalTutorId: 'staff-pt', placementStartsOn: '2025-01-01' }),
  );
  for (const youngPerson of youngPeople)
    await db.youngPeople.add(await youngPersonCodec.encode(youngPerson, manager.cipher));
  const records = youngPeople.flatMap((youngPerson) => [
    buildContactForm({
      youngPersonId: youngPerson.id,
      contactStartedAt: '2027-01-11T18:00:00.000Z',
      contactEndedAt: '2027-01-11T18:20:00.000Z',
      dueAt: '2027-01-13T18:20:00.000Z',
      filedAt: '2027-01-12T09:00:00.000Z',
    }),
    buildVisit({
      youngPersonIds: [youngPerson.id],
      kind: 'homeVisit',
      startsAt: '2026-11-10T10:00:00.000Z',
      endsAt: '2026-11-10T11:00:00.000Z',
    }),
  ]);
  const [millie, tom, ravi] = youngPeople;
  if (!millie || !tom || !ravi) throw new Error('three young people expected');
  const shared = buildVisit({ youngPersonIds: [tom.id, ravi.id], startsAt: '2027-01-16T14:00:00.000Z' });
  for (const record of [...records, shared]) {
    if ('reference' in record)
      await db.contactForms.add(await contactFormCodec.encode(record, manager.cipher));
    else await db.visits.add(await visitCodec.encode(record, manager.cipher));
  }
  return {
    manager,
    millie,
    tom,
    ravi,
    forms: records.filter((record) => 'reference' in record),
  };
}

async function overview(session: Session) {
  const result = await reviewRepository(db).termlyOverview(session, year.id, 'spring', now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The ids of every row read from these tables while `task` runs (Dexie's reading hook sees each row read). */
async function rowsReadDuring(tables: readonly ('contactForms' | 'visits')[], task: () => Promise<unknown>) {
  const read: { table: string; youngPersonIds: readonly string[] }[] = [];
  const hooks = tables.map((name) => {
    const hook = (row: { youngPersonId?: string; youngPersonIds?: readonly string[] }) => {
      read.push({ table: name, youngPersonIds: row.youngPersonIds ?? [row.youngPersonId ?? ''] });
      return row;
    };
    db.table(name).hook('reading', hook);
    return () => db.table(name).hook('reading').unsubscribe(hook);
  });
  try {
    await task();
  } finally {
    for (const unsubscribe of hooks) unsubscribe();
  }
  return read;
}

describe('the termly overview after a change works out only the young people whose records changed', () => {
  it('after one young person’s form is changed, only that young person is worked out, reading only their rows', async () => {
    const { manager, millie, tom, ravi, forms } = await setUp();
    const before = await overview(manager);
    // Millie's call was filed late after all: the form is stored again, through the app's database.
    const millieForm = forms.find((form) => form.youngPersonId === millie.id);
    if (!millieForm) throw new Error('Millie has no form');
    await db.contactForms.put(
      await contactFormCodec.encode({ ...millieForm, filedAt: '2027-01-15T09:00:00.000Z' }, manager.cipher),
    );

    const formsOpened = vi.spyOn(contactFormCodec, 'decodeAs');
    const visitsOpened = vi.spyOn(visitCodec, 'decodeAs');
    const summariesOpened = vi.spyOn(reviewSummaryCodec, 'decode');
    let after: Awaited<ReturnType<typeof overview>> | undefined;
    const read = await rowsReadDuring(['contactForms', 'visits'], async () => {
      after = await overview(manager);
    });

    expect(new Set(formsOpened.mock.calls.map(([row]) => row.youngPersonId))).toEqual(new Set([millie.id]));
    expect(visitsOpened.mock.calls.flatMap(([row]) => row.youngPersonIds)).toEqual([millie.id]);
    expect(new Set(summariesOpened.mock.calls.map(([row]) => row.youngPersonId))).toEqual(
      new Set([tom.id, ravi.id]),
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((row) => row.youngPersonIds.includes(millie.id))).toBe(true);
    // The others are as they were; Millie's form is now counted late.
    const rowOf = (review: typeof before | undefined, id: string) =>
      review?.rows.find((row) => row.youngPerson.id === id);
    expect(rowOf(after, tom.id)).toEqual(rowOf(before, tom.id));
    expect(rowOf(after, ravi.id)).toEqual(rowOf(before, ravi.id));
    expect(rowOf(after, millie.id)?.review.forms.late.recordCount).toBe(1);
  });

  it('the overview with some summaries stored equals the one worked out for everyone', async () => {
    const { manager, millie, ravi } = await setUp();
    await overview(manager);
    await db.reviewSummaries.bulkDelete([millie.id, ravi.id].map((id) => `${id}|${year.id}|spring`));
    const mixed = await overview(manager);
    await db.reviewSummaries.clear();
    expect(mixed).toEqual(await overview(manager));
  });
});

// Dates either side of the read range's edges (the Monday of the year's first week, the day
// after the spring term ends) and well inside it, so a row just outside is tried as often as one in.
const instants = fc.constantFrom(
  '2026-08-30T22:59:59.999Z',
  '2026-08-30T23:00:00.000Z',
  '2026-08-31T23:00:00.000Z',
  '2026-10-14T18:20:00.000Z',
  '2027-01-11T18:20:00.000Z',
  '2027-03-27T23:59:59.999Z',
  '2027-03-28T00:00:00.000Z',
  '2027-03-28T23:00:00.000Z',
  '2027-05-01T10:00:00.000Z',
  '2025-11-01T10:00:00.000Z',
);

describe('a review reads its rows through the indexes bounded by young person and date', () => {
  it('reads exactly the rows a whole-table read filtered by young person and date would (property)', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const people = ['yp-a', 'yp-b', 'yp-c', 'yp-d'];
    const { reviewInputRows } = reviewWorkings(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ youngPersonId: fc.constantFrom(...people), contactEndedAt: instants }), {
          maxLength: 12,
        }),
        fc.array(
          fc.record({
            youngPersonIds: fc.uniqueArray(fc.constantFrom(...people), { minLength: 1, maxLength: 3 }),
            startsAt: instants,
          }),
          { maxLength: 12 },
        ),
        fc.uniqueArray(fc.constantFrom(...people), { minLength: 1 }),
        fc.constantFrom<VisitReadPlan>('byYoungPerson', 'range'),
        async (formFields, visitFields, asked, plan) => {
          await Promise.all([db.contactForms.clear(), db.visits.clear()]);
          const formRows = await Promise.all(
            formFields.map((fields) => contactFormCodec.encode(buildContactForm(fields), manager.cipher)),
          );
          const visitRows = await Promise.all(
            visitFields.map((fields) => visitCodec.encode(buildVisit(fields), manager.cipher)),
          );
          await db.contactForms.bulkAdd(formRows);
          await db.visits.bulkAdd(visitRows);
          const ids = new Set(asked);
          const range = { from: '2026-08-30T23:00:00.000Z', to: '2027-03-28T00:00:00.000Z' };
          const visitsFrom = '2026-08-29T23:00:00.000Z';
          const read = await reviewInputRows(ids, { ...range, visitsFrom }, plan);
          const expectedForms = formRows.filter(
            (row) =>
              ids.has(row.youngPersonId) && row.contactEndedAt >= range.from && row.contactEndedAt < range.to,
          );
          const expectedVisits = visitRows.filter(
            (row) =>
              row.youngPersonIds.some((id) => ids.has(id)) &&
              row.startsAt >= visitsFrom &&
              row.startsAt < range.to,
          );
          const byId = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort();
          expect(byId(read.forms)).toEqual(byId(expectedForms));
          expect(byId(read.visits)).toEqual(byId(expectedVisits));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the visits are read by young person for a few, by date range for most of the home', () => {
  it('reads one young person’s visits by young person, however small the home', () => {
    expect(visitReadPlan(1, 1)).toBe('byYoungPerson');
    expect(visitReadPlan(1, 3)).toBe('byYoungPerson');
  });

  it('reads the range for two or more who are at least a tenth of the home', () => {
    expect(visitReadPlan(2, 3)).toBe('range');
    expect(visitReadPlan(50, 50)).toBe('range');
    expect(visitReadPlan(5, 50)).toBe('range');
    expect(visitReadPlan(4, 50)).toBe('byYoungPerson');
  });
});

describe('working reviews out from the records parsed for the rules’ fields only', () => {
  it('gives the same reviews as every row read and opened whole (property)', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const staff = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const [pt, cc, lm] = staff;
    const youngPeople = ['Amelia', 'Tom', 'Ravi'].map((firstName) =>
      buildYoungPerson({
        firstName,
        personalTutorId: pt,
        caseCoordinatorId: cc,
        learningMentorId: lm,
        placementStartsOn: '2025-01-01',
      }),
    );
    for (const youngPerson of youngPeople)
      await db.youngPeople.add(await youngPersonCodec.encode(youngPerson, manager.cipher));
    const ids = youngPeople.map((youngPerson) => youngPerson.id);
    const yearRow = { ...year, startsOn: '2026-09-03', endsOn: '2027-07-21' };
    const termIndex = 1;
    const { reviewsFor } = reviewWorkings(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            youngPersonIds: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 }),
            startsAt: instants,
            kind: fc.constantFrom(...visitKinds),
            status: fc.constantFrom(...visitStatuses),
            staffIds: fc.subarray(staff),
          }),
          { maxLength: 8 },
        ),
        fc.array(
          fc.record({
            youngPersonId: fc.constantFrom(...ids),
            contactEndedAt: instants,
            kind: fc.constantFrom(...contactKinds),
            filed: fc.boolean(),
            familyFeeling: fc.option(fc.constantFrom(...familyFeelings), { nil: undefined }),
            visit: fc.nat(8),
            staffIds: fc.subarray(staff),
          }),
          { maxLength: 12 },
        ),
        async (visitFields, formFields) => {
          await Promise.all([db.contactForms.clear(), db.visits.clear()]);
          const visits = visitFields.map((fields) =>
            buildVisit({
              ...fields,
              endsAt: new Date(Date.parse(fields.startsAt) + 3_600_000).toISOString(),
            }),
          );
          const forms = formFields.map(({ filed, visit, familyFeeling, ...fields }) => {
            const linked = visits[visit];
            const endedMs = Date.parse(fields.contactEndedAt);
            return buildContactForm({
              ...fields,
              contactStartedAt: new Date(endedMs - 1_200_000).toISOString(),
              dueAt: new Date(endedMs + 48 * 3_600_000).toISOString(),
              status: filed ? 'filed' : 'draft',
              filedAt: filed ? new Date(endedMs + 3_600_000).toISOString() : undefined,
              ...(linked && linked.youngPersonIds.includes(fields.youngPersonId)
                ? { visitId: linked.id }
                : {}),
              ...(familyFeeling ? { familyFeeling } : {}),
            });
          });
          await db.contactForms.bulkAdd(
            await Promise.all(forms.map((form) => contactFormCodec.encode(form, manager.cipher))),
          );
          await db.visits.bulkAdd(
            await Promise.all(visits.map((visit) => visitCodec.encode(visit, manager.cipher))),
          );
          const worked = await reviewsFor(manager, youngPeople, yearRow, termIndex, now, {});

          // Every row of both tables read and opened whole, then chosen by young person and date.
          const range = reviewReadRange(yearRow, termIndex, 'Europe/London');
          const allForms = await Promise.all(
            (await db.contactForms.toArray()).map((row) => contactFormCodec.decode(row, manager.cipher)),
          );
          const allVisits = await Promise.all(
            (await db.visits.toArray()).map((row) => visitCodec.decode(row, manager.cipher)),
          );
          const expected = youngPeople.map((youngPerson) => {
            const input: YearReviewInput = {
              youngPerson,
              year: yearRow,
              forms: allForms.filter(
                (form) =>
                  form.youngPersonId === youngPerson.id &&
                  form.contactEndedAt >= range.from &&
                  form.contactEndedAt < range.to,
              ),
              visits: allVisits.filter(
                (visit) =>
                  visit.youngPersonIds.includes(youngPerson.id) &&
                  visit.startsAt >= range.visitsFrom &&
                  visit.startsAt < range.to,
              ),
              family: [],
              restrictions: [],
              plan: [],
              now,
              timeZone: 'Europe/London',
              dueHours: defaultContactFormDueHours,
            };
            const review = yearReview(input);
            return {
              review: reviewRow(youngPerson, review.minimums, review.terms.slice(0, termIndex + 1)),
              stableUntil: reviewStableUntil(input),
            };
          });
          expect(worked).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});
