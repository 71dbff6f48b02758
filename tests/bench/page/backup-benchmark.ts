import { argon2idFloor } from '@shared/schemas/keyring';
import { derivedTables, FamilyLinksDb, openFamilyLinksDb } from '../../../renderer/src/db/database';
import { createAccountKeys } from '../../../renderer/src/db/encryption/key-wrapping';
import { restoreBackup, tableDigests } from '../../../renderer/src/db/backup/restore-backup';
import { writeBackup } from '../../../renderer/src/db/backup/write-backup';
import { bulkPut, deleteDatabase, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { timed } from './bench-timing';
import { freshDatabase, loadedLargeHome, type LoadedHome } from './large-home';
import { memoryBackupPort } from './memory-backup-port';
import { mainProcessRebase } from '../../../renderer/src/security/restore-anchor';

const password = 'bench backup password 2026';

type State = LoadedHome & {
  readonly port: ReturnType<typeof memoryBackupPort>;
  fileName: string;
  readonly n: number;
  readonly rows: Map<string, unknown[]>;
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
  return { ...loaded, port: memoryBackupPort(), fileName: '', n, rows };
}

async function bareReadAll(name: string, stores: readonly string[]): Promise<number> {
  const bare = await openBareDatabase(name);
  try {
    return await timed(async () => {
      const transaction = bare.transaction([...stores], 'readonly');
      await Promise.all(
        stores.map(
          (store) =>
            new Promise((resolve, reject) => {
              const request = transaction.objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error ?? new Error('getAll failed'));
            }),
        ),
      );
    });
  } finally {
    bare.close();
  }
}

/**
 * `backup-large`: a backup of the large home through writeBackup (every table read a page at a
 * time, encoded, sealed per chunk with AES-GCM, digested), into memory instead of a file, against
 * the floor: one getAll of every store of the same database.
 */
export const backupLarge = defineBenchmark<State>({
  name: 'backup-large',
  // About three minutes a run on the large home here: two runs keep `npm run bench` bearable.
  repetitions: 2,
  async setup(context) {
    return prepared(await loadedLargeHome(context));
  },
  async run(state) {
    let rows = 0;
    const ms = await timed(async () => {
      const written = await writeBackup(state.db, state.session.dataKey, state.port, {
        reason: 'manual',
        appVersion: 'bench',
        now: new Date(),
        pageSize: 1000,
      });
      if (!written.ok) throw new Error(written.error.message);
      state.fileName = written.value.fileName;
      rows = written.value.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    });
    if (rows !== state.n) throw new Error(`The backup holds ${rows} rows; the database ${state.n}`);
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
 * open it, every chunk decrypted, decoded and written, then every table digested again and checked
 * against the backup's manifest), against the floor: the same rows put into a fresh bare database.
 * The first run also checks that every table's SHA-256 matches the source's: the round trip.
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
    });
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
    const name = `bench-restore-floor-${repetition}`;
    await deleteDatabase(name);
    const keyPaths: Record<string, string> = {
      settings: 'key',
      accountKeys: 'staffId',
      audit: 'seq',
      pendingAudit: 'id',
    };
    const bare = await openBareDatabase(
      name,
      [...state.rows.keys()].map((store) => ({ name: store, keyPath: keyPaths[store] ?? 'id' })),
    );
    const ms = await timed(() => bulkPut(bare, state.rows));
    bare.close();
    await deleteDatabase(name);
    return ms;
  },
});

async function freshDatabaseKeeping(name: string) {
  const opened = await openFamilyLinksDb(new FamilyLinksDb(name));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}
