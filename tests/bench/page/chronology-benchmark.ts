import { chronologyRepository } from '../../../renderer/src/db/repositories/chronology-repository';
import { closeBare, openBareDatabase, requestDone, rowsRead, bareFloor } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import { mostFrequent, type LoadedHome } from './large-home';
import { largeHomeWithVisitsAndForms } from './visits-loaded';

type State = LoadedHome & {
  readonly youngPersonId: string;
  readonly timeZone: string;
  readonly bare: IDBDatabase;
};

/** The lines the chronology's list draws first: eight in view and six beyond (ChronologyList's overscan). */
const firstScreen = 14;

/**
 * The same rows through bare IndexedDB: the young person's forms, visits, visitor-register entries
 * and restrictions by the same indexes, the register's corrected ids, and each restriction's history.
 */
async function bareChronologyRows(bare: IDBDatabase, youngPersonId: string): Promise<number> {
  const transaction = bare.transaction(
    ['contactForms', 'visits', 'visitorLog', 'restrictions', 'restrictionHistory'],
    'readonly',
  );
  const byIndex = (store: string, index: string) =>
    requestDone(transaction.objectStore(store).index(index).getAll(youngPersonId));
  const [forms, visits, door, corrected, restrictions] = await Promise.all([
    byIndex('contactForms', 'youngPersonId'),
    byIndex('visits', 'youngPersonIds'),
    byIndex('visitorLog', 'visitingYoungPersonIds'),
    requestDone(transaction.objectStore('visitorLog').index('amendsEntryId').getAllKeys()),
    byIndex('restrictions', 'youngPersonId'),
  ]);
  const history = await Promise.all(
    (restrictions as { id: string }[]).map((row) =>
      requestDone(transaction.objectStore('restrictionHistory').index('restrictionId').getAll(row.id)),
    ),
  );
  return rowsRead(forms, visits, door, corrected, restrictions, ...history);
}

/**
 * `chronology-10y`: a young person's chronology opened on the large home (ten years of records; the
 * young person with the most, about 10,700 forms, visits, door entries and restrictions), as the
 * screen opens it: every line read through its young-person index and placed in time from plain
 * fields, the restrictions opened (as care staff or casework may see them), then the first screen's
 * records opened. The floor is bare IndexedDB reading the same rows by the same indexes.
 * Target: under 500 ms.
 */
export const chronology10y = defineBenchmark<State>({
  name: 'chronology-10y',
  repetitions: 20,
  async setup(context) {
    const loaded = await largeHomeWithVisitsAndForms(context);
    const { contactForms, visits, visitorLog, restrictions } = loaded.home;
    const [youngPersonId, rows] =
      mostFrequent([
        ...contactForms.map((form) => form.youngPersonId),
        ...visits.flatMap((visit) => visit.youngPersonIds),
        ...visitorLog.flatMap((entry) => entry.visitingYoungPersonIds),
        ...restrictions.map((restriction) => restriction.youngPersonId),
      ]) ?? [];
    if (!youngPersonId || !rows) throw new Error('The large home has no records for any young person');
    progress(`${rows} records for the young person with the most`);
    const bare = await openBareDatabase(loaded.db.name);
    await bareChronologyRows(bare, youngPersonId);
    return { ...loaded, youngPersonId, timeZone: loaded.home.settings.timeZone, bare };
  },
  async run(state) {
    return timedCount(async () => {
      const read = await chronologyRepository(state.db).read(
        state.session,
        state.youngPersonId,
        state.timeZone,
      );
      const shown = await read.open(read.entries.slice(0, firstScreen));
      if (shown.some((entry) => entry.personIds === undefined))
        throw new Error('A line on the first screen did not open');
      return read.entries.length;
    });
  },
  floor: bareFloor((state) => bareChronologyRows(state.bare, state.youngPersonId)),
  teardown: closeBare,
});
