import { argon2idFloor } from '@shared/schemas/keyring';
import { derivedTables, FamilyLinksDb, openFamilyLinksDb } from '../../../renderer/src/db/database';
import { createAccountKeys } from '../../../renderer/src/db/encryption/key-wrapping';
import { restoreBackup, tableDigests } from '../../../renderer/src/db/backup/restore-backup';
import { writeBackup, type BackupManifest } from '../../../renderer/src/db/backup/write-backup';
import {
  bulkPut,
  deleteDatabase,
  getAllOf,
  openBareDatabase,
  storeShapes,
  type BareStore,
} from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress, timed } from './bench-timing';
import { recordPhases, type PhaseTotals } from '../../../renderer/src/db/backup/backup-phases';
import { freshDatabase, loadedLargeHome, type LoadedHome } from './large-home';
import { memoryBackupPort } from './memory-backup-port';
import { mainProcessRebase } from '../../../renderer/src/security/restore-anchor';

const password = 'bench backup password 2026';

type State = LoadedHome & {
  readonly port: ReturnType<typeof memoryBackupPort>;
  fileName: string;
  readonly n: number;
  readonly rows: Map<string, unknown[]>;
  /** The restored tables' stores as the app's schema makes them: keys and indexes. */
  readonly shapes: readonly BareStore[];
};

async function prepared(loaded: LoadedHome): Promise<State> {
  // The loader makes no accounts; a backup needs one keyring entry (the cheapest Argon2id allowed).
  await loaded.db.accountKeys.put(
    await createAccountKeys({
      staffId: loaded.session.staff.id,
      password,
      keys: loaded.session,
      passwordChangeRequired: false,
      kdf: { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 },
    }),
  );
  const rows = new Map<string, unknown[]>();
  // Derived tables (review summaries) are not backed up, so they are not counted or restored either.
  for (const table of loaded.db.tables)
    if (!derivedTables.has(table.name)) rows.set(table.name, await table.toArray());
  const n = [...rows.values()].reduce((sum, list) => sum + list.length, 0);
  const shapes = storeShapes(loaded.db.backendDB(), [...rows.keys()]);
  return { ...loaded, port: memoryBackupPort(), fileName: '', n, rows, shapes };
}

async function bareReadAll(name: string, stores: readonly string[]): Promise<number> {
  const bare = await openBareDatabase(name);
  try {
    return await timed(() => getAllOf(bare, stores));
  } finally {
    bare.close();
  }
}

/**
 * `backup-large`: a backup of the large home through writeBackup (every table read a page of 1,000
 * rows at a time on the page's thread; each page copied to the backup's worker, which serialises
 * it to bytes, seals it with AES-GCM and takes its SHA-256, both WebCrypto, while the next page is
 * read), into memory instead of a file, against the floor: one getAll of every store of the same
 * database, in one transaction, on the page's thread alone, which reads every row the backup
 * reads and does nothing with them (no copying, serialising, digesting or sealing). The
 * floor's write is nothing: the backup's "write" here is a push of each chunk's text onto an array
 * in memory (`memory-backup-port.ts`), which costs nothing measurable (its `writing` phase), so
 * bare reading is the bare read and write of the same rows. The first run also checks that the
 * manifest's chunks hold each table's rows.
 */
export const backupLarge = defineBenchmark<State>({
  name: 'backup-large',
  // About 7 s a run and 5 s its floor on the large home here, so five of each take a minute; with
  // two, the median was their mean, and one slow read of the floor moved the ratio by a third.
  repetitions: 5,
  async setup(context) {
    return prepared(await loadedLargeHome(context));
  },
  async run(state, repetition) {
    let rows = 0;
    let manifest: BackupManifest | undefined;
    const phases: PhaseTotals = new Map();
    recordPhases(phases);
    const ms = await timed(async () => {
      const written = await writeBackup(state.db, state.session.dataKey, state.port, {
        reason: 'manual',
        appVersion: 'bench',
        now: new Date(),
        pageSize: 1000,
      });
      if (!written.ok) throw new Error(written.error.message);
      state.fileName = written.value.fileName;
      manifest = written.value.manifest;
      rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    }).finally(() => recordPhases(undefined));
    printPhases('backup-large', ms, phases);
    if (rows !== state.n) throw new Error(`The backup holds ${rows} rows; the database ${state.n}`);
    // The manifest lists every chunk, and its chunks hold each table's rows (the digests are
    // checked by restore-large, whose first run also compares every table with the source's).
    if (repetition === 0 && manifest && 'chunks' in manifest) {
      const listed = new Map<string, number>();
      for (const chunk of manifest.chunks)
        listed.set(chunk.table, (listed.get(chunk.table) ?? 0) + chunk.rows);
      for (const [table, stored] of state.rows)
        if ((listed.get(table) ?? 0) !== stored.length)
          throw new Error(`The backup's chunks of ${table} do not hold the table's rows`);
    }
    return { ms, n: rows };
  },
  floor: (state) => bareReadAll(state.db.name, [...state.rows.keys()]),
  teardown(state, context) {
    context.set('backupState', Promise.resolve(state));
    return Promise.resolve();
  },
});

/**
 * `restore-large`: that backup restored into an empty install through restoreBackup (Argon2id to
 * open it, every chunk decrypted, its SHA-256 taken (WebCrypto) and its rows decoded, written,
 * read back in the same transaction and compared row by row, each table counted, every chunk's
 * digest checked against the backup's manifest), against the floor: the same rows put with plain IndexedDB, in one
 * transaction with strict durability, into a fresh database whose stores have the app's keys and
 * indexes (a restore must leave the indexes the app reads by), then read back with one getAll a
 * store (a restore must check what the database holds). The put into stores without indexes is
 * printed beside it. The first run also checks that every table's SHA-256 matches the source's:
 * the round trip.
 */
export const restoreLarge = defineBenchmark<State>({
  name: 'restore-large',
  repetitions: 1,
  async setup(context) {
    const state = (await context.get('backupState')) as State | undefined;
    if (!state?.fileName) throw new Error('restore-large runs after backup-large');
    return state;
  },
  async run(state, repetition) {
    const live = await freshDatabase(`bench-restore-${repetition}`);
    const phases: PhaseTotals = new Map();
    recordPhases(phases);
    const ms = await timed(async () => {
      const restored = await restoreBackup({
        live,
        port: state.port,
        source: { source: 'folder', fileName: state.fileName },
        username: state.session.staff.username,
        password,
        rebaseAnchor: mainProcessRebase(),
      });
      if (!restored.ok) throw new Error(restored.error.message);
    }).finally(() => recordPhases(undefined));
    printPhases('restore-large', ms, phases);
    const reopened = await freshDatabaseKeeping(`bench-restore-${repetition}`);
    if (repetition === 0) {
      const [before, after] = [await tableDigests(state.db), await tableDigests(reopened)];
      for (const [table, digest] of before) {
        // The restore leaves one entry of its own for the audit log (backup.restored), to be chained at the next sign-in.
        if (table === 'pendingAudit') continue;
        const other = after.get(table);
        if (other?.sha256 !== digest.sha256 || other.rows !== digest.rows)
          throw new Error(`After the round trip ${table} differs`);
      }
    }
    reopened.close();
    await deleteDatabase(`bench-restore-${repetition}`);
    return { ms, n: state.n };
  },
  async floor(state, repetition) {
    const stores = [...state.rows.keys()];
    const name = `bench-restore-floor-${repetition}`;
    await deleteDatabase(name);
    const bare = await openBareDatabase(name, state.shapes);
    let written = 0;
    let readBack = 0;
    const ms = await timed(async () => {
      written = await timed(() => bulkPut(bare, state.rows));
      readBack = await timed(async () => {
        if ((await getAllOf(bare, stores)) !== state.n)
          throw new Error('The floor did not read back every row');
      });
    });
    bare.close();
    await deleteDatabase(name);
    // For comparison only (not the floor): the same put into stores with no indexes.
    const plainName = `bench-restore-floor-plain-${repetition}`;
    await deleteDatabase(plainName);
    const plain = await openBareDatabase(
      plainName,
      state.shapes.map((shape) => ({ name: shape.name, keyPath: shape.keyPath })),
    );
    const withoutIndexes = await timed(() => bulkPut(plain, state.rows));
    plain.close();
    await deleteDatabase(plainName);
    progress(
      `restore-large floor: put ${written.toFixed(0)} ms, read back ${readBack.toFixed(0)} ms; the same put into stores without indexes ${withoutIndexes.toFixed(0)} ms`,
    );
    return ms;
  },
});

async function freshDatabaseKeeping(name: string) {
  const opened = await openFamilyLinksDb(new FamilyLinksDb(name));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/**
 * Where the time went, so a change can be aimed at the phase that costs. A restore reads and
 * decrypts the next chunk while it writes this one, so its phases overlap and can add up to more
 * than the whole; "waiting for a chunk" is the part of reading ahead that was not hidden.
 */
function printPhases(name: string, ms: number, phases: PhaseTotals): void {
  const listed = [...phases].map(([phase, total]) => `${phase} ${total.toFixed(0)} ms`).join(', ');
  progress(`${name} phases (whole ${ms.toFixed(0)} ms): ${listed}`);
}
