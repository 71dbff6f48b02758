import type { AcademicYear } from '@shared/schemas/academic-year';
import { contactFormRepository } from '../../../renderer/src/db/repositories/contact-form-repository';
import { reviewReadRange, reviewRepository } from '../../../renderer/src/db/repositories/review-repository';
import { getAllInRange, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark, shared, type BenchContext } from './benchmark-registry';
import { progress, timed } from './bench-timing';
import type { LoadedHome } from './large-home';
import { roomRepository } from '../../../renderer/src/db/repositories/room-repository';
import { visitRepository } from '../../../renderer/src/db/repositories/visit-repository';
import { loadedLargeHome } from './large-home';

type State = LoadedHome & { readonly year: AcademicYear; readonly termIndex: number; readonly now: Date; readonly bare: IDBDatabase; readonly range: ReturnType<typeof reviewReadRange> };

/** The large home with its rooms and visits loaded (the same shared key as the visit benchmarks, so they are loaded once). */
function largeHomeWithVisits(context: BenchContext): Promise<LoadedHome> {
  return shared(context, 'largeHomeWithVisits', async () => {
    const loaded = await loadedLargeHome(context);
    await roomRepository(loaded.db).addMany(loaded.home.rooms);
    await visitRepository(loaded.db).addMany(loaded.session, loaded.home.visits);
    return loaded;
  });
}

/** The large home with its visits and its ten years of contact forms loaded (the fixture loader leaves the forms out). */
function largeHomeWithForms(context: BenchContext): Promise<LoadedHome> {
  return shared(context, 'largeHomeWithForms', async () => {
    const loaded = await largeHomeWithVisits(context);
    if ((await loaded.db.contactForms.count()) === 0) {
      const started = performance.now();
      const added = await contactFormRepository(loaded.db).addMany(loaded.session, loaded.home.contactForms);
      if (!added.ok) throw new Error(added.error.message);
      progress(`loaded ${added.value} contact forms in ${Math.round(performance.now() - started)} ms`);
    }
    return loaded;
  });
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * `termly-overview-50` (issue 8: "the termly overview for all 50 young people"): the manager's
 * overview for the summer term of the last whole academic year before the fixture's end, through
 * `reviewRepository.termlyOverview` (index range reads of the year's forms and visits to the end of
 * the term, every young person's relationships and restrictions, opening the rows, and the pure
 * rules for every term so far). floor_ms is bare IndexedDB reading the same rows by the same
 * indexes and ranges (young people, forms by contactEndedAt, visits by startsAt, relationships and
 * restrictions by young person), without opening them. n is the number of young people reviewed.
 */
export const termlyOverview50 = defineBenchmark<State>({
  name: 'termly-overview-50',
  repetitions: 7,
  async setup(context) {
    const loaded = await largeHomeWithForms(context);
    const years = loaded.home.academicYears.filter((year) => (year.terms[2]?.endsOn ?? '') < loaded.home.endDate);
    const year = years[years.length - 1];
    if (!year) throw new Error('The fixture has no whole academic year before its end date');
    const termIndex = 2;
    const now = new Date(`${loaded.home.endDate}T17:00:00.000Z`);
    const range = reviewReadRange(year, termIndex, 'Europe/London');
    const bare = await openBareDatabase(loaded.db.name);
    // One untimed pass of each, so the first timed one does not pay for compiling and cold caches.
    await reviewRepository(loaded.db).termlyOverview(loaded.session, year.id, year.terms[termIndex]?.name ?? 'summer', now);
    return { ...loaded, year, termIndex, now, bare, range };
  },
  async run(state) {
    let n = 0;
    const ms = await timed(async () => {
      const result = await reviewRepository(state.db).termlyOverview(state.session, state.year.id, state.year.terms[state.termIndex]?.name ?? 'summer', state.now);
      if (!result.ok) throw new Error(result.error.message);
      n = result.value.rows.length;
    });
    return { ms, n };
  },
  async floor(state) {
    let rows = 0;
    const ms = await timed(async () => {
      const transaction = state.bare.transaction('youngPeople', 'readonly');
      const youngPeople = await requestDone(transaction.objectStore('youngPeople').getAll());
      const ids = youngPeople.map((row) => (row as { id: string }).id);
      const [forms, visits, links, restrictions] = await Promise.all([
        getAllInRange(state.bare, 'contactForms', 'contactEndedAt', state.range.from, state.range.to),
        getAllInRange(state.bare, 'visits', 'startsAt', state.range.visitsFrom, state.range.to),
        Promise.all(ids.map((id) => requestDone(state.bare.transaction('relationships', 'readonly').objectStore('relationships').index('youngPersonId').getAll(id)))),
        Promise.all(ids.map((id) => requestDone(state.bare.transaction('restrictions', 'readonly').objectStore('restrictions').index('youngPersonId').getAll(id)))),
      ]);
      rows = youngPeople.length + forms.length + visits.length + links.flat().length + restrictions.flat().length;
    });
    if (rows === 0) throw new Error('The floor read no rows: it would mean nothing');
    progress(`termly-overview-50: floor read ${rows} rows`);
    return ms;
  },
  teardown(state) {
    state.bare.close();
    return Promise.resolve();
  },
});
