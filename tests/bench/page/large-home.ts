import { FamilyLinksDb, openFamilyLinksDb } from '../../../renderer/src/db/database';
import type { Session } from '../../../renderer/src/db/session';
import { generateHome, type GeneratedHome } from '../../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../../fixtures/load-fixture';
import { shared, type BenchContext } from './benchmark-registry';
import { progress } from './bench-timing';
import { deleteDatabase } from './bare-indexeddb';

/** The seed every benchmark uses, so runs on different days compare like with like. */
const benchSeed = 1;

export function largeHome(context: BenchContext): Promise<GeneratedHome> {
  return shared(context, 'largeHome', () => {
    const started = performance.now();
    const home = generateHome({ size: 'large', seed: benchSeed });
    progress(`generated the large home in ${Math.round(performance.now() - started)} ms`);
    return Promise.resolve(home);
  });
}

export type LoadedHome = {
  readonly home: GeneratedHome;
  readonly db: FamilyLinksDb;
  readonly session: Session;
};

/** A fresh, open database of this name (any earlier one is deleted first). */
export async function freshDatabase(name: string): Promise<FamilyLinksDb> {
  await deleteDatabase(name);
  const opened = await openFamilyLinksDb(new FamilyLinksDb(name));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/**
 * The large home loaded into a database, for benchmarks that read. The load benchmark offers
 * the database it loaded last (`offerLoadedHome`), so the home is not loaded twice.
 */
export function loadedLargeHome(context: BenchContext): Promise<LoadedHome> {
  return shared(context, 'loadedLargeHome', async () => {
    const home = await largeHome(context);
    progress('loading the large home for reading');
    const db = await freshDatabase('bench-read');
    const session = await fixtureSession(home);
    await loadFixture(db, home, session);
    return { home, db, session };
  });
}

export function offerLoadedHome(context: BenchContext, loaded: LoadedHome): void {
  if (!context.has('loadedLargeHome')) context.set('loadedLargeHome', Promise.resolve(loaded));
}

/**
 * The id that comes up most often among `ids`, with how often (the first to reach the highest
 * count): the young person with the most records, the author with the most drafts.
 */
export function mostFrequent(ids: Iterable<string>): readonly [id: string, count: number] | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
}
