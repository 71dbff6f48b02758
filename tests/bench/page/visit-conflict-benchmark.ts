import { visitRepository } from '../../../renderer/src/db/repositories/visit-repository';
import { longestVisitHours } from '@shared/schemas/visits';
import type { ProposedVisit } from '@shared/rules/visit-conflicts';
import { median } from './bench-timing';
import { openBareDatabase } from './bare-indexeddb';
import type { RegisteredBenchmark } from './benchmark-registry';
import { keystrokeResult } from './keystroke-timing';
import { largeHomeWithVisits } from './visits-loaded';

const hourMs = 3_600_000;

/**
 * `visit-conflict-check-p95` ("the conflict check for one booking against 10 years of
 * visits: p95 under 16 ms"): 200 bookings, each at the time, room, staff and young person of a
 * fixture visit spread over the ten years (so most do clash), checked through the repository as
 * the booking form does: index-range candidates in one read transaction, then the pure check, with
 * the young people and staff the screen already holds open (`known`), as the form passes them.
 * median_ms here is the p95 of those checks; floor_ms is the median bare getAll of the same
 * startsAt window from the visits store.
 */
export const visitConflictCheckP95: RegisteredBenchmark = {
  name: 'visit-conflict-check-p95',
  async execute(context) {
    const loaded = await largeHomeWithVisits(context);
    const repository = visitRepository(loaded.db);
    const booking = {
      timeZone: 'Europe/London',
      known: { youngPeople: loaded.home.youngPeople, staff: loaded.home.staff },
    };
    const visits = loaded.home.visits;
    const step = Math.max(1, Math.floor(visits.length / 200));
    const bookings: ProposedVisit[] = [];
    for (let index = 0; index < visits.length && bookings.length < 200; index += step) {
      const visit = visits[index];
      if (!visit) continue;
      bookings.push({
        startsAt: visit.startsAt,
        endsAt: visit.endsAt,
        youngPersonIds: visit.youngPersonIds,
        staffIds: visit.staffIds,
        ...(visit.roomId ? { roomId: visit.roomId } : {}),
      });
    }
    // One untimed pass warms the code paths, as a screen that has been open a while would be.
    await repository.findConflicts(loaded.session, bookings.slice(0, 5), booking);
    const timings: number[] = [];
    let clashes = 0;
    for (const proposed of bookings) {
      const started = performance.now();
      const found = await repository.findConflicts(loaded.session, [proposed], booking);
      timings.push(performance.now() - started);
      clashes += found.length > 0 ? 1 : 0;
    }
    if (clashes === 0) throw new Error('No booking clashed: the benchmark is not checking what it should');

    const bare = await openBareDatabase(loaded.db.name);
    const floors: number[] = [];
    for (const booking of bookings.slice(0, 50)) {
      const from = new Date(Date.parse(booking.startsAt) - longestVisitHours * hourMs).toISOString();
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const request = bare
          .transaction('visits')
          .objectStore('visits')
          .index('startsAt')
          .getAll(IDBKeyRange.bound(from, booking.endsAt, false, true));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
      floors.push(performance.now() - started);
    }
    bare.close();
    return keystrokeResult('visit-conflict-check-p95', visits.length, timings, median(floors));
  },
};
