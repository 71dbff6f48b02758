import { checkAtTheDoor } from '@shared/rules/door-check';
import { prepareRestrictionIndex } from '@shared/rules/restriction-check';
import { median } from './bench-timing';
import { openBareDatabase } from './bare-indexeddb';
import type { RegisteredBenchmark } from './benchmark-registry';
import { keystrokeResult, keystrokes } from './keystroke-timing';
import { loadedLargeHome } from './large-home';
import { restrictionRepository } from '../../../renderer/src/db/repositories/restriction-repository';
// listAll gives the manager's full view, which is what the check needs.

/**
 * `door-check-p95` (the door check with ~5k restrictions, p95 under one frame, reported beside the bare
 * IndexedDB read of the same rows): every restriction is read and indexed once (as the door screen does when
 * it opens), then the door's check (`checkAtTheDoor`: the names, whether there is enough of a name, and half
 * a barred name) runs on every keystroke of 40 visitors' names, half of them restricted people's. median_ms
 * here is the p95 of those keystroke checks; floor_ms is the median bare getAll of the restrictions store
 * (the same rows).
 */
export const doorCheckP95: RegisteredBenchmark = {
  name: 'door-check-p95',
  async execute(context) {
    const loaded = await loadedLargeHome(context);
    const today = loaded.home.endDate;
    // The worst case: every one of the ~5k restrictions in force (a real home has far fewer at
    // once; the fixture's ten years hold mostly lapsed ones). Read through the repository as the
    // door does, then treated as current so every one is matched against.
    const everyRestriction = (await restrictionRepository(loaded.db).listAll(loaded.session)).filter(
      (visible) => visible.view === 'full',
    );
    const restrictions = everyRestriction.map(
      ({ view: _view, effectiveTo: _to, endedAt: _ended, ...restriction }) => ({
        ...restriction,
        effectiveFrom: '2000-01-01',
      }),
    );
    const index = prepareRestrictionIndex(restrictions);
    const restrictedNames = loaded.home.restrictions.slice(0, 20).map((restriction) => restriction.name);
    const otherNames = loaded.home.people
      .slice(0, 20)
      .map((person) => `${person.firstName} ${person.lastName}`);
    const typed = keystrokes([...restrictedNames, ...otherNames]);
    const timings = typed.map((name) => {
      const started = performance.now();
      checkAtTheDoor({ visitor: { kind: 'typed', name }, youngPersonIds: [] }, index, today);
      return performance.now() - started;
    });
    const bare = await openBareDatabase(loaded.db.name);
    const floors: number[] = [];
    for (let repetition = 0; repetition < 9; repetition += 1) {
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const request = bare.transaction('restrictions').objectStore('restrictions').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
      floors.push(performance.now() - started);
    }
    bare.close();
    return keystrokeResult('door-check-p95', restrictions.length, timings, median(floors));
  },
};
