import './process-env-shim';
import { displayName } from '@shared/display-names';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import appCss from '../../../renderer/src/styles.css?inline';
import visitsCss from '../../../renderer/src/features/visits/visits.css?inline';
import type { Visit } from '@shared/schemas/visits';
import { addDays } from '@shared/home-time';
import { at } from '../../factories/wall-clock-instant';
import { visitRepository } from '../../../renderer/src/db/repositories/visit-repository';
import type { DiaryVisit } from '../../../renderer/src/db/repositories/visit-reads';
import { VisitCalendar } from '../../../renderer/src/features/visits/VisitCalendar';
import { rangeOf, type CalendarView } from '../../../renderer/src/features/visits/calendar-time';
import type { VisitDirectory } from '../../../renderer/src/features/visits/useVisitDirectory';
import { getAllInRange, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark, shared, type BenchContext, type RegisteredBenchmark } from './benchmark-registry';
import { progress } from './bench-timing';
import { largeHomeWithVisits } from './visits-loaded';
import type { LoadedHome } from './large-home';

const timeZone = 'Europe/London';
// A week after the fixture's last day, so it holds only the 500 visits put there for this.
const monday = '2036-06-02';

type State = {
  readonly loaded: LoadedHome;
  readonly directory: VisitDirectory;
  readonly host: HTMLElement;
  readonly bare: IDBDatabase;
  readonly from: string;
  readonly to: string;
};

/** The large home with 500 visits in the week of `monday`, 08:00 to 19:00, overlapping: added once. */
function homeWithBusyWeek(context: BenchContext): Promise<LoadedHome> {
  return shared(context, 'homeWithBusyWeek', async () => {
    const loaded = await largeHomeWithVisits(context);
    const { home } = loaded;
    const time = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const visits: Visit[] = Array.from({ length: 500 }, (_unused, index) => {
      const date = addDays(monday, index % 7);
      const startMinutes = 8 * 60 + ((index * 37) % (11 * 60));
      const youngPerson = home.youngPeople[index % home.youngPeople.length];
      return {
        id: crypto.randomUUID(),
        youngPersonIds: youngPerson ? [youngPerson.id] : [],
        kind: 'familyVisit',
        personIds: [],
        staffIds: [],
        startsAt: at(date, time(startMinutes), timeZone),
        endsAt: at(date, time(startMinutes + 60), timeZone),
        transport: '',
        notes: 'Week-view benchmark',
        status: 'planned',
        cancelledReason: '',
      };
    });
    await visitRepository(loaded.db).addMany(loaded.session, visits);
    return loaded;
  });
}

/**
 * One view of the visit calendar with the busy week's visits. Timed: the rows read through the
 * repository as the diary screen reads them (`listDiaryBetween`: Dexie, the `startsAt` index
 * range, every row's whole seal opened and authenticated, and the fields the diary shows parsed
 * with a pick of the visit's zod schema), a new React root drawing the app's own grid
 * (VisitCalendar, with the app's stylesheets) synchronously, then the browser's style and layout
 * of it, forced by reading the host's height. Painting is not timed. floor_ms is exactly one bare
 * IndexedDB getAll, in a new readonly transaction, on the visits store's `startsAt` index over the
 * key range [from - 24 hours, to) (the range the repository reads: it reaches back the longest a
 * visit may last), until its rows are handed over (structured-clone copies): no Dexie, no opening
 * of the sealed part, no schema check and nothing drawn. `boxes` counts what must be on screen.
 */
function calendarViewBenchmark(options: {
  readonly name: string;
  readonly view: CalendarView;
  readonly date: string;
  readonly boxes: (host: HTMLElement) => number;
  readonly expectedBoxes: (visits: readonly DiaryVisit[]) => number;
}): RegisteredBenchmark {
  const range = rangeOf(options.view, options.date);
  return defineBenchmark<State>({
    name: options.name,
    repetitions: 7,
    async setup(context) {
      const loaded = await homeWithBusyWeek(context);
      const { home } = loaded;
      const names = new Map(home.youngPeople.map((person) => [person.id, displayName(person)]));
      const directory: VisitDirectory = {
        youngPeople: home.youngPeople,
        staff: home.staff,
        rooms: home.rooms,
        youngPersonName: (id) => names.get(id) ?? '',
        staffName: () => '',
        roomName: () => '',
      };
      const style = document.createElement('style');
      style.textContent = `${appCss}\n${visitsCss}`;
      document.head.append(style);
      const host = document.createElement('div');
      host.style.width = '1200px';
      document.body.append(host);
      return {
        loaded,
        directory,
        host,
        bare: await openBareDatabase(loaded.db.name),
        from: at(range.from, '00:00', timeZone),
        to: at(range.to, '00:00', timeZone),
      };
    },
    async run(state) {
      const started = performance.now();
      const visits = await visitRepository(state.loaded.db).listDiaryBetween(
        state.loaded.session,
        state.from,
        state.to,
      );
      const read = performance.now();
      const root = createRoot(state.host);
      flushSync(() => {
        root.render(
          createElement(VisitCalendar, {
            visits,
            directory: state.directory,
            view: options.view,
            date: options.date,
            timeZone,
            today: monday,
            onOpenVisit: () => undefined,
            onChooseSlot: () => undefined,
            onShowDay: () => undefined,
          }),
        );
      });
      const rendered = performance.now();
      // Reading a layout property makes the browser lay the view out now, inside the timing.
      void state.host.getBoundingClientRect().height;
      const ms = performance.now() - started;
      // Where the time goes, so a change can be aimed at the phase that costs.
      progress(
        `${options.name} phases: rows read and opened ${(read - started).toFixed(1)} ms, calendar drawn ${(rendered - read).toFixed(1)} ms, layout ${(started + ms - rendered).toFixed(1)} ms`,
      );
      const drawn = options.boxes(state.host);
      const expected = options.expectedBoxes(visits);
      root.unmount();
      if (drawn !== expected) throw new Error(`${options.name} drew ${drawn} visits, not ${expected}`);
      return { ms, n: visits.length };
    },
    async floor(state) {
      const started = performance.now();
      await getAllInRange(
        state.bare,
        'visits',
        'startsAt',
        new Date(Date.parse(state.from) - 24 * 3_600_000).toISOString(),
        state.to,
      );
      return performance.now() - started;
    },
    teardown(state) {
      state.bare.close();
      state.host.remove();
      return Promise.resolve();
    },
  });
}

const boxesIn = (selector: string) => (host: HTMLElement) => host.querySelectorAll(selector).length;

/** `week-view-500`: the week view with all 500 visits drawn (target: within 3x the bare read, under 50 ms). */
export const weekView500 = calendarViewBenchmark({
  name: 'week-view-500',
  view: 'week',
  date: monday,
  boxes: boxesIn('.diary-visit'),
  expectedBoxes: (visits) => {
    if (visits.length !== 500) throw new Error(`The week read ${visits.length} visits, not 500`);
    return 500;
  },
});

/** `day-view-72`: one day of that week (its 72 visits) in the day view. */
export const dayView72 = calendarViewBenchmark({
  name: 'day-view-72',
  view: 'day',
  date: monday,
  boxes: boxesIn('.diary-visit'),
  expectedBoxes: (visits) => visits.length,
});

/** `month-view-500`: the month holding that week, three visits a day listed and the rest counted. */
export const monthView500 = calendarViewBenchmark({
  name: 'month-view-500',
  view: 'month',
  date: monday,
  boxes: boxesIn('.month__visit'),
  // Every day of the week has more than three: three listed on each.
  expectedBoxes: () => 7 * 3,
});
