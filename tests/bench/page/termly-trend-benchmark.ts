import type { TrendTerm } from '@shared/rules/termly-trend';
import { trendTerms } from '@shared/rules/termly-trend';
import { reviewSummaryId } from '@shared/rules/review-summary-keys';
import { reviewRepository } from '../../../renderer/src/db/repositories/review-repository';
import { reviewReadRange, visitReadPlan } from '../../../renderer/src/db/repositories/review-read-plan';
import { inputsMarkerId } from '../../../renderer/src/db/review-summary-invalidation';
import { workOutTrend } from '../../../renderer/src/features/review/review-trend';
import { closeBare, openBareDatabase, bareFloor, timedFloor } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import { youngPeopleRepository } from '../../../renderer/src/db/repositories/young-people-repository';
import {
  bareReviewInputs,
  requestDone,
  reviewHome,
  touchTheYear,
  type ReviewHome,
} from './termly-review-benchmark';

type State = ReviewHome & {
  readonly bare: IDBDatabase;
  readonly terms: readonly TrendTerm[];
  /** For each term, in order, the young people placed in it: those whose reviews the term's overview works out. */
  readonly placed: readonly (readonly string[])[];
};

/**
 * The trend as the termly review's screen works it out, from nothing: the chosen term's overview,
 * then each of the five terms before it (`workOutTrend`, the same function the screen calls). n
 * is the number of young-person terms reviewed.
 */
async function trend(state: State): Promise<number> {
  const reviews = reviewRepository(state.db);
  const chosen = await reviews.termlyOverview(state.session, state.year.id, state.termName, state.now);
  if (!chosen.ok) throw new Error(chosen.error.message);
  let n = chosen.value.rows.length;
  const points = await workOutTrend(state.home.academicYears, chosen.value, async (term) => {
    const reply = await reviews.termlyOverview(state.session, term.yearId, term.termName, state.now);
    if (!reply.ok) throw new Error(reply.error.message);
    n += reply.value.rows.length;
    return reply.value;
  });
  if (points.length !== state.terms.length) throw new Error(`The trend has ${points.length} terms`);
  return n;
}

async function storedSummaries(state: State): Promise<number> {
  const keys = state.terms.flatMap((term) =>
    state.youngPersonIds.map((id) => reviewSummaryId(id, term.yearId, term.termName)),
  );
  return (await state.db.reviewSummaries.bulkGet(keys)).filter((row) => row !== undefined).length;
}

async function prepared(context: Parameters<typeof reviewHome>[0]): Promise<State> {
  const home = await reviewHome(context);
  const terms = trendTerms(home.home.academicYears, { yearId: home.year.id, termName: home.termName });
  const youngPeople = await youngPeopleRepository(home.db).list(home.session);
  const placed = terms.map((trendTerm) => {
    const year = home.home.academicYears.find((candidate) => candidate.id === trendTerm.yearId);
    const term = year?.terms[trendTerm.termIndex];
    if (!term) throw new Error(`No term ${trendTerm.termName} in ${trendTerm.yearId}`);
    return youngPeople
      .filter(
        (youngPerson) =>
          youngPerson.placementStartsOn <= term.endsOn &&
          (youngPerson.placementEndsOn === undefined || youngPerson.placementEndsOn >= term.startsOn),
      )
      .map((youngPerson) => youngPerson.id);
  });
  const state = { ...home, terms, placed, bare: await openBareDatabase(home.db.name) };
  progress(`termly trend: ${terms.length} terms, ending ${home.termName} ${home.year.label}`);
  return state;
}

/**
 * `termly-trend`: the trend across the summer term of the large home's last whole academic year
 * and the five terms before it, the second time (every term's summaries stored). floor_ms is bare
 * IndexedDB reading the same rows: every young person, the years, and every stored summary of the
 * six terms and the inputs marker, by key, without opening them.
 */
export const termlyTrend = defineBenchmark<State>({
  name: 'termly-trend',
  repetitions: 5,
  async setup(context) {
    const state = await prepared(context);
    await trend(state);
    await trend(state);
    if ((await storedSummaries(state)) === 0) throw new Error('The trend stored no summaries');
    return state;
  },
  async run(state) {
    return timedCount(() => trend(state));
  },
  floor: bareFloor(async (state) => {
    const people = state.bare.transaction(['youngPeople', 'academicYears'], 'readonly');
    const summaries = state.bare.transaction('reviewSummaries', 'readonly').objectStore('reviewSummaries');
    const keys = [
      ...state.terms.flatMap((term) =>
        state.youngPersonIds.map((id) => reviewSummaryId(id, term.yearId, term.termName)),
      ),
      inputsMarkerId,
    ];
    const [youngPeople, years, stored] = await Promise.all([
      requestDone(people.objectStore('youngPeople').getAll()),
      requestDone(people.objectStore('academicYears').getAll()),
      Promise.all(keys.map((key) => requestDone(summaries.get(key)))),
    ]);
    return youngPeople.length + years.length + stored.filter((row) => row !== undefined).length;
  }),
  teardown: closeBare,
});

/**
 * `termly-trend-cold`: the same trend the first time after a change that makes every summary
 * stale (untimed, before each run: the manager saves the year again, unchanged), so every term's
 * reviews are worked out from the records. floor_ms is bare IndexedDB reading each term's input
 * rows by the same indexes as the overview: every young person, then for each term the rows of
 * the young people placed in it (`bareReviewInputs`), without opening them.
 */
export const termlyTrendCold = defineBenchmark<State>({
  name: 'termly-trend-cold',
  repetitions: 3,
  async setup(context) {
    const state = await prepared(context);
    await trend(state);
    return state;
  },
  async run(state) {
    await touchTheYear(state);
    if ((await storedSummaries(state)) !== 0) throw new Error('Saving the year left summaries behind');
    return timedCount(() => trend(state));
  },
  async floor(state) {
    const { ms, rows } = await timedFloor(async () => {
      const youngPeople = await requestDone(
        state.bare.transaction('youngPeople', 'readonly').objectStore('youngPeople').getAll(),
      );
      let count = youngPeople.length;
      for (const [index, term] of state.terms.entries()) {
        const year = state.home.academicYears.find((candidate) => candidate.id === term.yearId);
        if (!year) throw new Error(`No year ${term.yearId}`);
        const range = reviewReadRange(year, term.termIndex, 'Europe/London');
        const placed = state.placed[index] ?? [];
        const plan = visitReadPlan(placed.length, youngPeople.length);
        count += await bareReviewInputs(state.bare, placed, range, plan);
      }
      return count;
    });
    progress(`termly-trend-cold: floor read ${rows} rows`);
    return ms;
  },
  teardown: closeBare,
});
