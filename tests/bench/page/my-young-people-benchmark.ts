import { myYoungPeopleRepository } from '../../../renderer/src/db/repositories/my-young-people-repository';
import type { Session } from '../../../renderer/src/db/session';
import { academicYearSpan } from '../../../shared/rules/academic-calendar';
import { holdingsOf, isPlacedOn } from '../../../shared/rules/my-young-people';
import { addDays, startOfDayIn, wallClockToInstant } from '../../../shared/home-time';
import { closeBare, openBareDatabase, requestDone, rowsRead, bareFloor } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import type { LoadedHome } from './large-home';
import { largeHomeWithVisitsAndForms } from './visits-loaded';

type State = LoadedHome & {
  readonly holder: Session;
  readonly youngPersonIds: readonly string[];
  readonly now: Date;
  readonly today: string;
  readonly timeZone: string;
  /** The academic year's reading window for forms, as the repository works it out. */
  readonly formsFrom: string;
  readonly formsTo: string;
  readonly bare: IDBDatabase;
};

/**
 * The same rows through bare IndexedDB: the young people's table and the academic years whole,
 * the holder's own drafts by [author, status, due], then for each young person they hold their
 * visits, their forms in the year by [young person, contact end], their relationships, tracked
 * actions and contact-plan arrangements, each by its young-person index.
 */
async function bareRows(state: State): Promise<number> {
  const transaction = state.bare.transaction(
    [
      'youngPeople',
      'academicYears',
      'contactForms',
      'visits',
      'relationships',
      'formActions',
      'contactArrangements',
    ],
    'readonly',
  );
  const store = (name: string) => transaction.objectStore(name);
  const [youngPeople, years, drafts, ...perYoungPerson] = await Promise.all([
    requestDone(store('youngPeople').getAll()),
    requestDone(store('academicYears').getAll()),
    requestDone(
      store('contactForms')
        .index('[authorId+status+dueAt]')
        .getAll(
          IDBKeyRange.bound(
            [state.holder.staff.id, 'draft', -Infinity],
            [state.holder.staff.id, 'draft', []],
          ),
        ),
    ),
    ...state.youngPersonIds.flatMap((id) => [
      requestDone(store('visits').index('youngPersonIds').getAll(id)),
      requestDone(
        store('contactForms')
          .index('[youngPersonId+contactEndedAt]')
          .getAll(IDBKeyRange.bound([id, state.formsFrom], [id, state.formsTo], false, true)),
      ),
      requestDone(store('relationships').index('youngPersonId').getAll(id)),
      requestDone(store('formActions').index('youngPersonId').getAll(id)),
      requestDone(store('contactArrangements').index('youngPersonId').getAll(id)),
    ]),
  ]);
  return rowsRead(youngPeople, years, drafts, ...perYoungPerson);
}

/**
 * `my-young-people`: the screen opened on the large home by the member of staff who holds the
 * most young people placed on the fixture's last day (as PT, CC or LM), at 17:00 that day: every
 * line worked out from the young people's own rows, read through their indexes. The floor is bare
 * IndexedDB reading the same rows by the same indexes. Target: under 300 ms.
 */
export const myYoungPeople = defineBenchmark<State>({
  name: 'my-young-people',
  repetitions: 20,
  async setup(context) {
    const loaded = await largeHomeWithVisitsAndForms(context);
    const { home } = loaded;
    const timeZone = home.settings.timeZone;
    const today = home.endDate;
    const now = new Date(wallClockToInstant(today, '17:00', timeZone) ?? `${today}T17:00:00Z`);
    const held = home.staff
      .map((staff) => ({
        staff,
        youngPersonIds: home.youngPeople
          .filter(
            (youngPerson) => holdingsOf(youngPerson, staff.id).length > 0 && isPlacedOn(youngPerson, today),
          )
          .map((youngPerson) => youngPerson.id),
      }))
      .sort((a, b) => b.youngPersonIds.length - a.youngPersonIds.length)[0];
    if (!held || held.youngPersonIds.length === 0)
      throw new Error('Nobody holds a young person placed on the last day: the benchmark would mean nothing');
    progress(`${held.staff.name} holds ${held.youngPersonIds.length} young people placed on ${today}`);
    const year = home.academicYears.find((candidate) => {
      const span = academicYearSpan(candidate);
      return span !== undefined && span.startsOn <= today && today <= span.endsOn;
    });
    const span = year ? academicYearSpan(year) : undefined;
    if (!span) throw new Error(`No academic year covers ${today}`);
    const holder: Session = { ...loaded.session, staff: held.staff, roles: held.staff.roles };
    const bare = await openBareDatabase(loaded.db.name);
    const state: State = {
      ...loaded,
      holder,
      youngPersonIds: held.youngPersonIds,
      now,
      today,
      timeZone,
      formsFrom: startOfDayIn(addDays(span.startsOn, -7), timeZone),
      formsTo: startOfDayIn(addDays(span.endsOn, 8), timeZone),
      bare,
    };
    await bareRows(state);
    return state;
  },
  async run(state) {
    return timedCount(async () => {
      const read = await myYoungPeopleRepository(state.db).read(
        state.holder,
        state.now,
        state.today,
        state.timeZone,
      );
      if (read.kind !== 'ready') throw new Error(`My young people did not open: ${read.kind}`);
      if (read.youngPeople.length !== state.youngPersonIds.length)
        throw new Error(
          `Expected ${state.youngPersonIds.length} young people, got ${read.youngPeople.length}`,
        );
      return read.youngPeople.reduce((sum, entry) => sum + entry.lines.length, 0);
    });
  },
  floor: bareFloor((state) => bareRows(state)),
  teardown: closeBare,
});
