import { visitorLogRepository } from '../../../renderer/src/db/repositories/visitor-log-repository';
import type { Term } from '@shared/schemas/academic-year';
import { dayOf, londonInstant } from '../../fixtures/fixture-dates';
import { closeBare, getAllInRange, openBareDatabase, bareFloor } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { timedCount } from './bench-timing';
import { loadedLargeHome, type LoadedHome } from './large-home';

type State = LoadedHome & { readonly from: string; readonly to: string; readonly bare: IDBDatabase };

/** The last whole term before the fixture's end date: a full term's register, as a report reads it. */
function lastWholeTerm(loaded: LoadedHome): Term {
  const terms = loaded.home.academicYears
    .flatMap((year) => year.terms)
    .filter((term) => term.endsOn < loaded.home.endDate);
  const term = terms[terms.length - 1];
  if (!term) throw new Error('The fixture has no whole term before its end date');
  return term;
}

/**
 * `visitor-log-term-read`: one term's visitor entries through
 * `visitorLogRepository.listArrivedBetween` (Dexie's indexed range read, then opening and
 * schema-checking every sealed row), against the floor: a bare
 * `index('arrivedAt').getAll(IDBKeyRange.bound(from, to, false, true))` on the same store, same
 * range, same database. n is the number of entries in the term.
 */
export const visitorLogTermRead = defineBenchmark<State>({
  name: 'visitor-log-term-read',
  repetitions: 20,
  async setup(context) {
    const loaded = await loadedLargeHome(context);
    const term = lastWholeTerm(loaded);
    // The term's first day from local midnight, to the midnight after its last day (half-open).
    const from = londonInstant(dayOf(term.startsOn), 0);
    const to = londonInstant(dayOf(term.endsOn) + 1, 0);
    const bare = await openBareDatabase(loaded.db.name);
    // One untimed pass of each, so the first timed one does not pay for compiling and cold caches.
    await visitorLogRepository(loaded.db, loaded.session.cipher).listArrivedBetween(from, to);
    await getAllInRange(bare, 'visitorLog', 'arrivedAt', from, to);
    return { ...loaded, from, to, bare };
  },
  async run(state) {
    return timedCount(async () => {
      return (
        await visitorLogRepository(state.db, state.session.cipher).listArrivedBetween(state.from, state.to)
      ).length;
    });
  },
  floor: bareFloor(
    async (state) =>
      (await getAllInRange(state.bare, 'visitorLog', 'arrivedAt', state.from, state.to)).length,
    'The term has no visitor entries: the floor would mean nothing',
  ),
  teardown: closeBare,
});
