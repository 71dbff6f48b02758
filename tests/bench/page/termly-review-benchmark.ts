import type { AcademicYear, TermName } from '@shared/schemas/academic-year';
import { reviewRepository } from '../../../renderer/src/db/repositories/review-repository';
import {
  reviewReadRange,
  visitReadPlan,
  type VisitReadPlan,
} from '../../../renderer/src/db/repositories/review-read-plan';
import { closeBare, openBareDatabase, bareFloor, rowsRead, timedFloor } from './bare-indexeddb';
import { defineBenchmark, shared, type BenchContext } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import type { LoadedHome } from './large-home';
import { youngPeopleRepository } from '../../../renderer/src/db/repositories/young-people-repository';
import { academicYearRepository } from '../../../renderer/src/db/repositories/academic-year-repository';
import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import { inputsMarkerId } from '../../../renderer/src/db/review-summary-invalidation';
import { printColdPhases, printStoredPhases } from './termly-review-phases';
import { largeHomeWithVisitsAndForms } from './visits-loaded';

export type ReviewHome = LoadedHome & {
  readonly year: AcademicYear;
  readonly termIndex: number;
  readonly termName: TermName;
  readonly now: Date;
  readonly range: ReturnType<typeof reviewReadRange>;
  readonly youngPersonIds: readonly string[];
};
type State = ReviewHome & { readonly bare: IDBDatabase };

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The bare IndexedDB read under working reviews out (`reviewWorkings`), for these young people
 * and a term's read range: the same rows by the same indexes, none opened. Each young person's
 * forms are one range of the young-person-and-contact-end index; the visits are read as `plan`
 * says the app reads them (`visitReadPlan`): every row in the range of the `startsAt` index, or the
 * keys of the visits in the range and of each young person's visits (keys only), then the rows in
 * both, by key; and each young person's relationships, restrictions and contact-plan
 * arrangements. Returns how many rows it read.
 */
export async function bareReviewInputs(
  bare: IDBDatabase,
  ids: readonly string[],
  range: ReturnType<typeof reviewReadRange>,
  plan: VisitReadPlan,
): Promise<number> {
  const stores = ['contactForms', 'visits', 'relationships', 'restrictions', 'contactArrangements'];
  const transaction = bare.transaction(stores, 'readonly');
  const byYoungPerson = (store: string) =>
    Promise.all(
      ids.map((id) => requestDone(transaction.objectStore(store).index('youngPersonId').getAll(id))),
    );
  const visitsStore = transaction.objectStore('visits');
  const inRange = IDBKeyRange.bound(range.visitsFrom, range.to, false, true);
  const visits = async (): Promise<unknown[]> => {
    if (plan === 'range') return requestDone(visitsStore.index('startsAt').getAll(inRange));
    const [keysInRange, ...theirs] = await Promise.all([
      requestDone(visitsStore.index('startsAt').getAllKeys(inRange)),
      ...ids.map((id) => requestDone(visitsStore.index('youngPersonIds').getAllKeys(id))),
    ]);
    const wanted = new Set(theirs.flat());
    return Promise.all(
      keysInRange.filter((key) => wanted.has(key)).map((key) => requestDone(visitsStore.get(key))),
    );
  };
  const [forms, visitRows, links, restrictions, arrangements] = await Promise.all([
    Promise.all(
      ids.map((id) =>
        requestDone(
          transaction
            .objectStore('contactForms')
            .index('[youngPersonId+contactEndedAt]')
            .getAll(IDBKeyRange.bound([id, range.from], [id, range.to], false, true)),
        ),
      ),
    ),
    visits(),
    byYoungPerson('relationships'),
    byYoungPerson('restrictions'),
    byYoungPerson('contactArrangements'),
  ]);
  return rowsRead(...forms, visitRows, ...links, ...restrictions, ...arrangements);
}

/**
 * The large home made ready for the termly overview of its last whole academic year's summer
 * term. The fixture places only about a dozen of its 50 young people in that term; the benchmark is
 * of the overview of all 50, so every placement that misses the term is stretched to cover it,
 * through the young people's repository (an update, audited, as a manager's edit would be). This
 * changes the loaded home, so these benchmarks run after every other one that reads it
 * (bench-entry.ts lists them last).
 */
export function reviewHome(context: BenchContext): Promise<ReviewHome> {
  return shared(context, 'termlyReviewHome', async () => {
    const loaded = await largeHomeWithVisitsAndForms(context);
    const years = loaded.home.academicYears.filter(
      (year) => (year.terms[2]?.endsOn ?? '') < loaded.home.endDate,
    );
    const year = years[years.length - 1];
    const termIndex = 2;
    const term = year?.terms[termIndex];
    if (!year || !term) throw new Error('The fixture has no whole academic year before its end date');
    const people = youngPeopleRepository(loaded.db);
    let stretched = 0;
    for (const youngPerson of await people.list(loaded.session)) {
      const isPlaced =
        youngPerson.placementStartsOn <= term.endsOn &&
        (youngPerson.placementEndsOn === undefined || youngPerson.placementEndsOn >= term.startsOn);
      if (isPlaced) continue;
      const { placementEndsOn: _ended, ...rest } = youngPerson;
      const saved = await people.save(
        loaded.session,
        {
          ...rest,
          placementStartsOn:
            youngPerson.placementStartsOn < term.startsOn ? youngPerson.placementStartsOn : term.startsOn,
        },
        youngPerson.id,
      );
      if (!saved.ok) throw new Error(saved.error.message);
      stretched += 1;
    }
    progress(`termly overview: stretched ${stretched} placements to cover the ${year.label} summer term`);
    const youngPersonIds = (await loaded.db.youngPeople.toCollection().primaryKeys()).filter(
      (id) => typeof id === 'string',
    );
    const now = new Date(`${loaded.home.endDate}T17:00:00.000Z`);
    return {
      ...loaded,
      year,
      termIndex,
      termName: term.name,
      now,
      range: reviewReadRange(year, termIndex, 'Europe/London'),
      youngPersonIds,
    };
  });
}

async function overview(state: ReviewHome): Promise<number> {
  const result = await reviewRepository(state.db).termlyOverview(
    state.session,
    state.year.id,
    state.termName,
    state.now,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.rows.length;
}

/** Every summary made stale the way a user would: the manager saves the year again (unchanged), which the summaries depend on. */
export async function touchTheYear(state: ReviewHome): Promise<void> {
  const { id, ...dates } = state.year;
  const saved = await academicYearRepository(state.db).save(state.session, dates, id);
  if (!saved.ok) throw new Error(saved.error.message);
}

async function summaryCount(state: ReviewHome): Promise<number> {
  const rows = await state.db.reviewSummaries.bulkGet(
    state.youngPersonIds.map((id) => reviewSummaryId(id, state.year.id, state.termName)),
  );
  return rows.filter((row) => row !== undefined).length;
}

/**
 * The bare read under the overview from stored summaries: every young person, the year, and the
 * 50 summary rows and the inputs marker by key, none opened. Returns how many rows it read.
 */
async function bareStoredOverview(state: State): Promise<number> {
  const people = state.bare.transaction(['youngPeople', 'academicYears'], 'readonly');
  const summaries = state.bare.transaction('reviewSummaries', 'readonly').objectStore('reviewSummaries');
  const [youngPeople, year, stored] = await Promise.all([
    requestDone(people.objectStore('youngPeople').getAll()),
    requestDone<unknown>(people.objectStore('academicYears').get(state.year.id)),
    Promise.all(
      [
        ...state.youngPersonIds.map((id) => reviewSummaryId(id, state.year.id, state.termName)),
        inputsMarkerId,
      ].map((key) => requestDone(summaries.get(key))),
    ),
  ]);
  return youngPeople.length + (year === undefined ? 0 : 1) + stored.filter((row) => row !== undefined).length;
}

/**
 * `termly-overview-50` (the termly overview for all 50 young people): the manager's
 * overview for the summer term of the last whole academic year before the fixture's end, through
 * `reviewRepository.termlyOverview`, as a user gets it on any showing: every young person opened
 * (for the need-to-know scope and names), then each one's stored summary (the term's own review)
 * read, decrypted and parsed. What each part costs is printed as phases, before the runs.
 * floor_ms is bare IndexedDB reading the same rows: every young person, the year, and the 50
 * summary rows and the inputs marker, by key, without opening them (the least any showing reads).
 * n is the number of young people reviewed.
 */
export const termlyOverview50 = defineBenchmark<State>({
  name: 'termly-overview-50',
  repetitions: 7,
  async setup(context) {
    const home = await reviewHome(context);
    // The first overview works every summary out and stores it; one more untimed pass warms the caches.
    await overview(home);
    await overview(home);
    if ((await summaryCount(home)) !== home.youngPersonIds.length)
      throw new Error('The overview did not store a summary for every young person');
    await printStoredPhases(home);
    return { ...home, bare: await openBareDatabase(home.db.name) };
  },
  async run(state) {
    return timedCount(() => overview(state));
  },
  floor: bareFloor((state) => bareStoredOverview(state)),
  teardown: closeBare,
});

/**
 * `termly-overview-50-cold`: the same overview, the first time after a change that makes every
 * summary stale (untimed, before each run: the manager saves the year again, unchanged). Every
 * young person's review is worked out from the records, as before summaries existed (index range
 * reads of the year's forms and visits to the end of the term, every young person's relationships
 * and restrictions, opening the rows, the pure rules), and the 50 summaries are sealed and stored.
 * floor_ms is bare IndexedDB reading the same input rows by the same indexes and ranges (young
 * people, forms by contactEndedAt, visits by startsAt, relationships and restrictions by young
 * person), without opening them.
 */
export const termlyOverview50Cold = defineBenchmark<State>({
  name: 'termly-overview-50-cold',
  repetitions: 5,
  async setup(context) {
    const home = await reviewHome(context);
    await overview(home);
    await printColdPhases(home);
    return { ...home, bare: await openBareDatabase(home.db.name) };
  },
  async run(state) {
    await touchTheYear(state);
    if ((await summaryCount(state)) !== 0) throw new Error('Saving the year left summaries behind');
    return timedCount(() => overview(state));
  },
  async floor(state) {
    const { ms, rows } = await timedFloor(async () => {
      const transaction = state.bare.transaction('youngPeople', 'readonly');
      const youngPeople = await requestDone(transaction.objectStore('youngPeople').getAll());
      const ids = youngPeople.map((row) => (row as { id: string }).id);
      const plan = visitReadPlan(ids.length, youngPeople.length);
      return youngPeople.length + (await bareReviewInputs(state.bare, ids, state.range, plan));
    });
    progress(`termly-overview-50-cold: floor read ${rows} rows`);
    return ms;
  },
  teardown: closeBare,
});

type OneChangedState = State & { readonly changed: string };

/**
 * `termly-overview-50-one-changed`: the same overview, the first time after one young person's
 * form is saved again (untimed, before each run: a put of the row through the app's database, so
 * the invalidating middleware deletes that young person's summaries only). The other 49 come from
 * their stored summaries; the one is worked out from its own rows, read through the indexes
 * bounded by young person and date. The young person is the one with the most forms in the term's
 * read range. floor_ms is bare IndexedDB reading the same rows: every young person, the year, the
 * 50 summary keys and the inputs marker (as `termly-overview-50`), and that young person's input
 * rows (`bareReviewInputs`).
 */
export const termlyOverview50OneChanged = defineBenchmark<OneChangedState>({
  name: 'termly-overview-50-one-changed',
  repetitions: 7,
  async setup(context) {
    const home = await reviewHome(context);
    await overview(home);
    const counts = await Promise.all(
      home.youngPersonIds.map((id) =>
        home.db.contactForms
          .where('[youngPersonId+contactEndedAt]')
          .between([id, home.range.from], [id, home.range.to], true, false)
          .count(),
      ),
    );
    const most = Math.max(...counts);
    const changed = home.youngPersonIds[counts.indexOf(most)];
    if (changed === undefined || most === 0) throw new Error('No young person has forms in the term');
    progress(`termly-overview-50-one-changed: the young person changed has ${most} forms in the range`);
    return { ...home, changed, bare: await openBareDatabase(home.db.name) };
  },
  async run(state) {
    await overview(state);
    const form = await state.db.contactForms
      .where('[youngPersonId+contactEndedAt]')
      .between([state.changed, state.range.from], [state.changed, state.range.to], true, false)
      .first();
    if (!form) throw new Error('The young person has no form to change');
    await state.db.contactForms.put(form);
    if ((await summaryCount(state)) !== state.youngPersonIds.length - 1)
      throw new Error('Saving one young person’s form did not leave the other summaries stored');
    return timedCount(() => overview(state));
  },
  floor: bareFloor(async (state) => {
    const [stored, inputs] = await Promise.all([
      bareStoredOverview(state),
      bareReviewInputs(
        state.bare,
        [state.changed],
        state.range,
        visitReadPlan(1, state.youngPersonIds.length),
      ),
    ]);
    return stored + inputs;
  }),
  teardown: closeBare,
});
