import type { FamilyLinksDb } from '../../../renderer/src/db/database';
import type { Session } from '../../../renderer/src/db/session';
import type { GeneratedHome } from '../../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../../fixtures/load-fixture';
import { bulkPut, deleteDatabase, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { timed } from './bench-timing';
import { freshDatabase, largeHome, offerLoadedHome } from './large-home';

type State = {
  readonly home: GeneratedHome;
  readonly session: Session;
  /** The plain records the loader writes, by table: what the floor puts. */
  readonly rows: ReadonlyMap<string, readonly unknown[]>;
  readonly n: number;
  lastLoaded?: FamilyLinksDb;
};

/**
 * `fixture-load-large`: loading the large fixture into a fresh database through the loader
 * (repositories, schema checks, sealing every row with AES-GCM, Dexie's indexes, audit entries),
 * against the floor: the same number of rows, unsealed, put into a fresh bare IndexedDB database
 * (one store per table keyed by id, no secondary indexes) in one strict readwrite transaction.
 */
export const fixtureLoadLarge = defineBenchmark<State>({
  name: 'fixture-load-large',
  repetitions: 3,
  async setup(context) {
    const home = await largeHome(context);
    const rows = new Map<string, readonly unknown[]>([
      ['settings', [{ key: 'home', value: home.settings }]],
      ['academicYears', home.academicYears],
      ['staff', home.staff],
      ['youngPeople', home.youngPeople],
      ['people', home.people],
      ['relationships', home.relationships],
      ['restrictions', home.restrictions],
      ['visitorLog', home.visitorLog],
    ]);
    const n = [...rows.values()].reduce((total, list) => total + list.length, 0);
    // Keys are made before timing: without accounts there is no Argon2id, and making keys is not loading.
    return { home, session: await fixtureSession(home), rows, n };
  },
  async run(state, repetition) {
    state.lastLoaded?.close();
    if (state.lastLoaded) await deleteDatabase(state.lastLoaded.name);
    const db = await freshDatabase(`bench-load-${repetition}`);
    let loaded = 0;
    const ms = await timed(async () => {
      const summary = await loadFixture(db, state.home, state.session);
      loaded = Object.values(summary.loaded).reduce((total, count) => total + count, 0);
    });
    if (loaded !== state.n) throw new Error(`The loader wrote ${loaded} rows; the floor puts ${state.n}`);
    state.lastLoaded = db;
    return { ms, n: loaded };
  },
  async floor(state, repetition) {
    const name = `bench-load-floor-${repetition}`;
    await deleteDatabase(name);
    const stores = [...state.rows.keys()].map((store) => ({
      name: store,
      keyPath: store === 'settings' ? 'key' : 'id',
    }));
    const db = await openBareDatabase(name, stores);
    try {
      return await timed(() => bulkPut(db, state.rows));
    } finally {
      db.close();
      await deleteDatabase(name);
    }
  },
  async teardown(state, context) {
    // The last loaded database serves the read benchmarks, which would otherwise load it again.
    if (state.lastLoaded)
      offerLoadedHome(context, { home: state.home, db: state.lastLoaded, session: state.session });
    return Promise.resolve();
  },
});
