import './process-env-shim';
import { displayName } from '@shared/display-names';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import calendarCss from 'react-big-calendar/lib/css/react-big-calendar.css?inline';
import visitsCss from '../../../renderer/src/features/visits/visits.css?inline';
import type { Visit } from '@shared/schemas/visits';
import { wallClockToInstant } from '@shared/home-time';
import { visitRepository } from '../../../renderer/src/db/repositories/visit-repository';
import { VisitCalendar } from '../../../renderer/src/features/visits/VisitCalendar';
import type { VisitDirectory } from '../../../renderer/src/features/visits/useVisitDirectory';
import { getAllInRange, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress } from './bench-timing';
import { largeHomeWithVisits } from './visits-loaded';
import type { LoadedHome } from './large-home';

/** The instant of a wall-clock time this benchmark made itself (always a real one). */
function instantAt(date: string, time: string, timeZone: string): string {
  const instant = wallClockToInstant(date, time, timeZone);
  if (!instant) throw new Error(`Not a date and time: ${date} ${time}`);
  return instant;
}

const timeZone = 'Europe/London';
// A week after the fixture's last day, so it holds only the 500 visits put there for this.
const monday = '2036-06-02';
const weekFrom = instantAt(monday, '00:00', timeZone);
const weekTo = instantAt('2036-06-09', '00:00', timeZone);

type State = {
  readonly loaded: LoadedHome;
  readonly directory: VisitDirectory;
  readonly host: HTMLElement;
  readonly bare: IDBDatabase;
};

/**
 * `week-view-500` (a week view with 500 visits drawn): the week's visits read through
 * the repository (index range, opened) and drawn by the calendar (react-big-calendar, week view,
 * with its stylesheet), synchronously, to the DOM. floor_ms is the bare getAll of the same rows
 * by the startsAt index.
 */
export const weekView500 = defineBenchmark<State>({
  name: 'week-view-500',
  repetitions: 7,
  async setup(context) {
    const loaded = await largeHomeWithVisits(context);
    const { home } = loaded;
    const visits: Visit[] = Array.from({ length: 500 }, (_unused, index) => {
      const day = index % 7;
      const startMinutes = 8 * 60 + ((index * 37) % (11 * 60));
      const date = `2036-06-0${2 + day}`;
      const time = (minutes: number) =>
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const youngPerson = home.youngPeople[index % home.youngPeople.length];
      return {
        id: crypto.randomUUID(),
        youngPersonIds: youngPerson ? [youngPerson.id] : [],
        kind: 'familyVisit',
        personIds: [],
        staffIds: [],
        startsAt: instantAt(date, time(startMinutes), timeZone),
        endsAt: instantAt(date, time(startMinutes + 60), timeZone),
        transport: '',
        notes: 'Week-view benchmark',
        status: 'planned',
        cancelledReason: '',
      };
    });
    await visitRepository(loaded.db).addMany(loaded.session, visits);
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
    style.textContent = `${calendarCss}\n${visitsCss}`;
    document.head.append(style);
    const host = document.createElement('div');
    host.style.width = '1200px';
    document.body.append(host);
    return { loaded, directory, host, bare: await openBareDatabase(loaded.db.name) };
  },
  async run(state) {
    const started = performance.now();
    const visits = await visitRepository(state.loaded.db).listBetween(state.loaded.session, weekFrom, weekTo);
    const read = performance.now();
    const root = createRoot(state.host);
    flushSync(() => {
      root.render(
        createElement(VisitCalendar, {
          visits,
          directory: state.directory,
          view: 'week',
          date: monday,
          timeZone,
          onOpenVisit: () => undefined,
          onChooseSlot: () => undefined,
        }),
      );
    });
    const rendered = performance.now();
    const drawn = state.host.querySelectorAll('.rbc-event').length;
    // Reading a layout property makes the browser lay the week out now, inside the timing.
    void state.host.getBoundingClientRect().height;
    const ms = performance.now() - started;
    // Where the time goes, so a change can be aimed at the phase that costs.
    progress(
      `week-view-500 phases: rows read and opened ${(read - started).toFixed(1)} ms, calendar drawn ${(rendered - read).toFixed(1)} ms, layout ${(started + ms - rendered).toFixed(1)} ms`,
    );
    root.unmount();
    if (drawn !== 500) throw new Error(`The week drew ${drawn} visits, not 500`);
    return { ms, n: visits.length };
  },
  async floor(state) {
    const started = performance.now();
    await getAllInRange(
      state.bare,
      'visits',
      'startsAt',
      new Date(Date.parse(weekFrom) - 24 * 3_600_000).toISOString(),
      weekTo,
    );
    return performance.now() - started;
  },
  teardown(state) {
    state.bare.close();
    state.host.remove();
    return Promise.resolve();
  },
});
