import type { Table } from 'dexie';
import { fail, ok, type Failed, type Result } from '@shared/result';
import { readAuditHead } from '../repositories/audit-chain-reads';
import {
  currentBackupFormatVersion,
  type BackupHeader,
  type BackupKeyringEntry,
  type BackupManifestV1,
  type BackupManifestV2,
  type BackupReason,
} from '@shared/schemas/backup';
import { accountKeysSchema } from '@shared/schemas/keyring';
import { derivedTables, type FamilyLinksDb } from '../database';
import { bytesToBase64 } from '@shared/bytes';
import { sealChunk } from './backup-codec';
import { chunkSealer, type SealedChunk } from './chunk-sealer';
import type { BackupWritePort } from '../../platform/backup-port';
import { addPhase, phase, phaseSync } from './backup-phases';

/** Additional data for the header's key check (the backup id sealed under the data key). */
export const keyCheckContext = new TextEncoder().encode('family-links-backup-key-check');

/** Rows in a chunk: about a megabyte of base64 for typical sealed rows. */
export const backupPageSize = 1000;

/** Chunks' rows read from IndexedDB at a time. */
const chunksPerRead = 5;

/** A backup's last chunk, as each format version writes it (`shared/schemas/backup.ts`). */
export type BackupManifest = BackupManifestV1 | BackupManifestV2;
export type BackupWritten = {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly manifest: BackupManifest;
  readonly removed: readonly string[];
};

export type BackupWriteFailureCode =
  | 'no-accounts'
  | 'folder-unavailable'
  | 'disk-full'
  | 'no-permission'
  | 'write-failed'
  | 'busy'
  | 'unavailable'
  | 'read-failed';

/**
 * Every row of `table` in primary-key order, a page at a time (each page its own read). The next
 * page is asked for before this one is handed over, so IndexedDB reads it while the caller encodes,
 * seals or digests this one.
 */
export async function* pagesOf(table: Table, pageSize = backupPageSize): AsyncGenerator<unknown[]> {
  // Every table here keeps its key in the row (inbound keys), so the last row says where to go on.
  const keyPath = table.schema.primKey.keyPath;
  const pageAfter = async (rows: unknown[], keys: () => Promise<unknown[]>): Promise<Page> => {
    const last =
      typeof keyPath === 'string'
        ? (rows[rows.length - 1] as Record<string, unknown>)[keyPath]
        : (await keys()).at(-1);
    return {
      rows: await table.where(':id').above(last).limit(pageSize).toArray(),
      keys: () => table.where(':id').above(last).limit(pageSize).primaryKeys() as Promise<unknown[]>,
    };
  };
  let page: Page = {
    rows: await table.orderBy(':id').limit(pageSize).toArray(),
    keys: () => table.orderBy(':id').limit(pageSize).primaryKeys() as Promise<unknown[]>,
  };
  while (page.rows.length > 0) {
    const next = page.rows.length < pageSize ? undefined : pageAfter(page.rows, page.keys);
    // If the caller stops early, the read already asked for is dropped, not reported as unhandled.
    next?.catch(() => undefined);
    yield page.rows;
    if (!next) return;
    page = await next;
  }
}

type Page = { readonly rows: unknown[]; readonly keys: () => Promise<unknown[]> };

/**
 * The keyring entries whose passwords open a backup sealed under door key `doorGeneration`, and
 * whether a manager was left out because their password wraps another generation (the manager
 * who has just changed the door key, until they next sign in).
 */
async function keyringOf(
  db: FamilyLinksDb,
  doorGeneration: number,
): Promise<{ entries: BackupKeyringEntry[]; managerLeftOut: boolean }> {
  const staff = new Map((await db.staff.toArray()).map((row) => [row.id, row]));
  const entries: BackupKeyringEntry[] = [];
  let managerLeftOut = false;
  for (const raw of await db.accountKeys.toArray()) {
    const parsed = accountKeysSchema.safeParse(raw);
    const member = parsed.success ? staff.get(parsed.data.staffId) : undefined;
    // Only active accounts' keys travel in a backup: a switched-off account's password must not
    // open a copy of the records (its entry is deleted from the table when it is switched off).
    if (!parsed.success || !member || !member.isActive) continue;
    // An account whose older door key was deleted before it signed in again has none wrapped by
    // its password yet (`keyring.ts`): its password could not open this backup.
    const { wrappedDataKey } = parsed.data;
    const isManager = member.roles.includes('registeredManager');
    if (!wrappedDataKey || (parsed.data.dataKeyGeneration ?? 1) !== doorGeneration) {
      managerLeftOut ||= isManager;
      continue;
    }
    entries.push({
      staffId: parsed.data.staffId,
      username: member.username,
      isManager,
      salt: bytesToBase64(parsed.data.salt),
      kdf: parsed.data.kdf,
      wrappedDataKey: {
        iv: bytesToBase64(wrappedDataKey.iv),
        data: bytesToBase64(new Uint8Array(wrappedDataKey.data)),
      },
    });
  }
  return { entries, managerLeftOut };
}

/**
 * Where this computer's audit chain ends now (its head), as a restore will move the main
 * process's anchor to. Other computers' entries sit in the same table and are not its chain.
 */
async function auditHeadOf(db: FamilyLinksDb): Promise<BackupHeader['auditHead']> {
  const stored = await readAuditHead(db);
  if (stored) return { seq: stored.seq, mac: stored.mac };
  const last = await db.audit.orderBy('seq').last();
  return last ? { seq: last.seq, mac: last.mac } : null;
}

/**
 * Writes a backup of every table as stored: the renderer reads a page of rows, seals it under the
 * home's data key and streams it to the main process, which writes the file and renames it into
 * place only once it is whole. The last chunk is a manifest of each table's row count and every
 * chunk's SHA-256 in order, checked again by a restore. Memory stays at about one page, whatever the size of the home.
 *
 * Pages are separate reads, so a change made while a backup runs may be in it or not; every row
 * in the file is a whole row as it was stored. `port.begin` carries the proof of whoever asked: the
 * main process begins a backup only for someone signed in with the home's certificate.
 */
export async function writeBackup(
  db: FamilyLinksDb,
  dataKey: CryptoKey,
  port: BackupWritePort,
  options: {
    readonly reason: BackupReason;
    readonly appVersion: string;
    readonly now: Date;
    readonly pageSize?: number;
    /** Which generation of the door key `dataKey` is (`shared/rules/key-rotation.ts`): the first if not given. */
    readonly doorGeneration?: number;
  },
): Promise<Result<BackupWritten, BackupWriteFailureCode>> {
  const { entries: keyring, managerLeftOut } = await keyringOf(db, options.doorGeneration ?? 1);
  if (keyring.length === 0 && !managerLeftOut)
    return fail('no-accounts', 'There is nothing to back up yet: no one has an account.');
  // Only a manager's password restores a backup: one no manager's password opens is not written.
  if (managerLeftOut && !keyring.some((entry) => entry.isManager))
    return fail(
      'no-accounts',
      'The door key has just been changed, and your password does not hold the new one until you sign in again. Sign out and back in, then make the backup.',
    );
  const backupId = crypto.randomUUID();
  // Derived tables (the review summaries) are left out: they are worked out again after a restore.
  const tables = db.tables
    .filter((table) => !derivedTables.has(table.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts = await Promise.all(
    tables.map(async (table) => ({ name: table.name, rows: await table.count() })),
  );
  const checkIv = crypto.getRandomValues(new Uint8Array(12));
  const checkData = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: checkIv, additionalData: keyCheckContext },
    dataKey,
    new TextEncoder().encode(backupId),
  );
  const header: BackupHeader = {
    format: 'family-links-backup',
    formatVersion: currentBackupFormatVersion,
    backupId,
    createdAt: options.now.toISOString(),
    reason: options.reason,
    schemaVersion: db.verno,
    appVersion: options.appVersion,
    tables: counts,
    keyring,
    keyCheck: { iv: bytesToBase64(checkIv), data: bytesToBase64(new Uint8Array(checkData)) },
    // Read before any table: the log in the file reaches at least here (entries are never removed).
    auditHead: await auditHeadOf(db),
  };
  const begun = await port.begin(header);
  if (!begun.ok) return fail('unavailable', begun.error.message);
  if (begun.value.outcome !== 'started')
    return fail(begun.value.code === 'busy' ? 'busy' : asWriteCode(begun.value.code), begun.value.message);
  return writeChunks(tables, dataKey, backupId, begun.value.writeId, port, options.pageSize);
}

/**
 * Every table's rows as chunks, then the manifest, then the file finished. Each page is handed to
 * a sealing worker (`chunk-sealer.ts`: serialised, sealed and its SHA-256 taken there) while
 * the next is read here; the manifest lists every chunk's digest in order.
 */
async function writeChunks(
  tables: readonly Table[],
  dataKey: CryptoKey,
  backupId: string,
  writeId: string,
  port: BackupWritePort,
  pageSize: number | undefined,
): Promise<Result<BackupWritten, BackupWriteFailureCode>> {
  const chunks: BackupManifestV2['chunks'][number][] = [];
  const counted: { name: string; rows: number }[] = [];
  const sealer = chunkSealer();
  let index = 0;
  /** Waits for one chunk and hands it to the main process: a failure to return, or undefined. */
  const send = async (
    chunkIndex: number,
    table: string,
    rows: number,
    sealing: Promise<SealedChunk>,
  ): Promise<Failed<BackupWriteFailureCode> | undefined> => {
    const { chunk, sha256, serialisingMs } = await phase('waiting for the worker', () => sealing);
    addPhase('serialising to bytes (worker)', serialisingMs);
    chunks[chunkIndex] = { table, rows, sha256 };
    const appended = await phase('writing', () => port['backup:append']({ writeId, chunk }));
    if (!appended.ok) return abandon(port, writeId, fail('unavailable', appended.error.message));
    if (appended.value.outcome !== 'appended')
      return fail(asWriteCode(appended.value.code), appended.value.message);
    return undefined;
  };
  // A page is handed to the worker, then the chunk before it is sent while the worker works and
  // the next page is read; chunks still reach the main process one at a time, in order, and no
  // more than two pages wait in the workers.
  let sending: Promise<Failed<BackupWriteFailureCode> | undefined> = Promise.resolve(undefined);
  let manifest: BackupManifestV2;
  try {
    for (const table of tables) {
      let rows = 0;
      const chunkRows = pageSize ?? backupPageSize;
      // Several chunks' rows are read at a time: each read is a transaction and a round trip to
      // IndexedDB, and fewer of them bring the reading nearer one read of the whole table.
      for await (const read of timedPages(pagesOf(table, chunkRows * chunksPerRead)))
        for (let first = 0; first < read.length; first += chunkRows) {
          const page = read.slice(first, first + chunkRows);
          // The rows are copied to the worker before `seal` returns, so reading goes straight on.
          const sealing = phaseSync('handing to the worker', () =>
            sealer.seal({ dataKey, backupId, index, table: table.name, rows: page }),
          );
          // Should an earlier chunk fail first, this one's own failure is not reported twice.
          sealing.catch(() => undefined);
          const failed = await phase('waiting to send', () => sending);
          if (failed) return failed;
          sending = send(index, table.name, page.length, sealing);
          sending.catch(() => undefined);
          index += 1;
          rows += page.length;
        }
      counted.push({ name: table.name, rows });
    }
    const failed = await sending;
    if (failed) return failed;
    manifest = { formatVersion: currentBackupFormatVersion, tables: counted, chunks };
    const last = await sealChunk(dataKey, backupId, index, { manifest });
    const appended = await port['backup:append']({ writeId, chunk: last });
    if (!appended.ok) return await abandon(port, writeId, fail('unavailable', appended.error.message));
    if (appended.value.outcome !== 'appended')
      return fail(asWriteCode(appended.value.code), appended.value.message);
  } catch (error) {
    console.error('Reading the records for a backup failed', error);
    return abandon(
      port,
      writeId,
      fail('read-failed', 'The records could not be read for the backup. Nothing was changed; try again.'),
    );
  } finally {
    sealer.close();
  }
  const finished = await port['backup:finish']({ writeId });
  if (!finished.ok) return abandon(port, writeId, fail('unavailable', finished.error.message));
  if (finished.value.outcome !== 'written')
    return fail(asWriteCode(finished.value.code), finished.value.message);
  return ok({
    fileName: finished.value.fileName,
    sizeBytes: finished.value.sizeBytes,
    manifest,
    removed: finished.value.removed,
  });
}

async function abandon<Failure>(port: BackupWritePort, writeId: string, failure: Failure): Promise<Failure> {
  await port['backup:abort']({ writeId });
  return failure;
}

/** `pages`, each page's wait counted as reading when phases are recorded. */
async function* timedPages(pages: AsyncGenerator<unknown[]>): AsyncGenerator<unknown[]> {
  for (;;) {
    const next = await phase('reading', () => pages.next());
    if (next.done) return;
    yield next.value;
  }
}

function asWriteCode(code: string): BackupWriteFailureCode {
  switch (code) {
    case 'folder-unavailable':
    case 'disk-full':
    case 'no-permission':
    case 'busy':
      return code;
    default:
      return 'write-failed';
  }
}
