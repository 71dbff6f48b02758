import Dexie, { cmp, type Table } from 'dexie';
import { fail, ok, type Result } from '@shared/result';
import {
  backupManifestV1Schema,
  backupManifestV2Schema,
  type BackupHeader,
  type BackupManifestV2,
} from '@shared/schemas/backup';
import { derivedTables, FamilyLinksDb, type SettingRow } from '../database';
import { latestSchemaVersion } from '../schema-versions';
import { deriveKeyEncryptionKey } from '../encryption/key-derivation';
import { unwrapDataKey } from '../encryption/key-wrapping';
import { base64ToBytes, sameBytes } from '@shared/bytes';
import { chunkDigest, chunkText, fromPlain, openChunkBytes, tableDigester, toPlain } from './backup-codec';
import { phase, phaseSync } from './backup-phases';
import { restoreMarkerKey } from './database-at-start';
import { syncTables } from '../sync/change-log';
import type { BackupPort } from '../../platform/backup-port';
import { mainProcessAnchor, type AuditAnchorPort } from '../../platform/audit-anchor-port';
import { keyCheckContext, pagesOf, type BackupManifest } from './write-backup';

export type RestoreFailureCode =
  | 'cancelled'
  | 'not-empty'
  | 'newer-schema'
  | 'wrong-password'
  | 'damaged'
  | 'not-a-backup'
  | 'unreadable'
  | 'storage-full'
  | 'write-failed';

export type RestoreSource =
  { readonly source: 'folder'; readonly fileName: string } | { readonly source: 'dialog' };
export type Restored = {
  readonly fileName: string;
  readonly header: BackupHeader;
  readonly manifest: BackupManifest;
  /** The backup was made while sync was set up: its sync state was left behind, and sync is off here. */
  readonly syncLeftBehind: boolean;
};

/**
 * The computer's own sync state (its device id and change numbers, change log, what it had
 * applied, versions and conflicts) is never restored (docs/sync-design.md, "Key changes and
 * restores while syncing"). Restored, this computer would number its next changes from where the
 * backup stopped and send other bodies under change numbers it had already used, which every
 * other computer refuses; and with its device row back, the restore's own writes would be logged
 * as new changes. Without it, sync is off here until this computer is set up again, as a new one.
 */
const notRestored: ReadonlySet<string> = new Set([...derivedTables, ...Object.values(syncTables)]);

/**
 * Moves the main process's copy of where the audit log ends to the head written in the backup's
 * header, for a backup main opened and checked itself (`readId`, still open and read to its end).
 */
export type AnchorRebase = (restore: {
  readonly readId: string;
  readonly restored: FamilyLinksDb;
  readonly staffId: string;
  readonly password: string;
}) => Promise<{ readonly moved: boolean; readonly problem?: string }>;

const nothingRestored = 'Nothing was restored.';

/** The data key, if `username` and `password` open the backup's keyring (a Registered Manager's). */
async function unlockBackup(
  header: BackupHeader,
  username: string,
  password: string,
): Promise<CryptoKey | undefined> {
  const wanted = username.trim().toLowerCase();
  const entry = header.keyring.find(
    (candidate) => candidate.isManager && candidate.username.toLowerCase() === wanted,
  );
  if (!entry) return undefined;
  try {
    const kek = await deriveKeyEncryptionKey(password, base64ToBytes(entry.salt), entry.kdf);
    const unwrapped = await unwrapDataKey(
      { iv: base64ToBytes(entry.wrappedDataKey.iv), data: base64ToBytes(entry.wrappedDataKey.data).buffer },
      kek,
      entry.staffId,
    );
    if (!unwrapped.ok) return undefined;
    const check = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(header.keyCheck.iv), additionalData: keyCheckContext },
      unwrapped.value,
      base64ToBytes(header.keyCheck.data),
    );
    return new TextDecoder().decode(check) === header.backupId ? unwrapped.value : undefined;
  } catch {
    return undefined;
  }
}

/** True when no table of `db` holds a row: restore only ever fills an empty install. */
export async function isEmptyInstall(db: FamilyLinksDb): Promise<boolean> {
  for (const table of db.tables) {
    if ((await table.limit(1).count()) > 0) return false;
  }
  return true;
}

function isDuplicateKey(error: unknown): boolean {
  const failures = (error as { failures?: unknown } | null)?.failures;
  const named = (item: unknown) => item instanceof Error && item.name === 'ConstraintError';
  return named(error) || (Array.isArray(failures) && failures.some(named));
}

function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: unknown } | null)?.inner;
  return name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError');
}

/** Each table's digest as IndexedDB now holds it (the restore marker and derived tables left out, as backups leave them out). */
export async function tableDigests(
  db: FamilyLinksDb,
): Promise<Map<string, { rows: number; sha256: string }>> {
  const digests = new Map<string, { rows: number; sha256: string }>();
  for (const table of db.tables) {
    if (derivedTables.has(table.name)) continue;
    const digest = await tableDigester();
    for await (const page of pagesOf(table)) {
      for (const row of page) {
        if (table.name === 'settings' && (row as SettingRow).key === restoreMarkerKey) continue;
        digest.add(toPlain(row));
      }
    }
    digests.set(table.name, digest.finish());
  }
  return digests;
}

/**
 * Restores a backup into an empty install: refused before anything is written when the
 * file is damaged (main checks its SHA-256), comes from a newer app, or the password does not open
 * it. The live database is then replaced by one at the backup's own schema version, filled chunk by
 * chunk (decrypted first, then written: WebCrypto is never awaited inside a transaction), each
 * chunk's rows read back in the transaction that wrote them and compared with the rows given, each
 * table counted, and what was read held against the backup's sealed manifest: every chunk's
 * SHA-256 in order (format 2), or each table's digest of the rows restored (format 1).
 * Any failure deletes what was written, so the install is empty again; on success the caller
 * reloads, and opening upgrades it to this app's version with the normal upgrade code.
 */
export async function restoreBackup(input: {
  readonly live: FamilyLinksDb;
  readonly port: BackupPort;
  readonly source: RestoreSource;
  readonly username: string;
  readonly password: string;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Moves the audit anchor to the backup's head. Given by the caller (security/restore-anchor.ts
   * signs the request with the restoring manager's key), so no restore skips it by default.
   */
  readonly rebaseAnchor: AnchorRebase;
  /** Stamps the restore's own audit entry (the main process's, by default). */
  readonly anchor?: AuditAnchorPort;
  readonly now?: Date;
}): Promise<Result<Restored, RestoreFailureCode>> {
  if (!(await isEmptyInstall(input.live)))
    return fail(
      'not-empty',
      `This install already holds records, so a backup cannot be restored over them. ${nothingRestored}`,
    );
  const opened = await input.port['backup:open'](input.source);
  if (!opened.ok) return fail('unreadable', `${opened.error.message} ${nothingRestored}`);
  const reply = opened.value;
  if (reply.outcome === 'cancelled') return fail('cancelled', 'No backup was chosen.');
  if (reply.outcome === 'failed') {
    const code =
      reply.code === 'damaged' ? 'damaged' : reply.code === 'not-a-backup' ? 'not-a-backup' : 'unreadable';
    return fail(code, reply.message);
  }
  const { readId, header, chunkCount, fileName } = reply;
  try {
    if (header.schemaVersion > latestSchemaVersion) {
      return fail(
        'newer-schema',
        `This backup was made by a newer version of Family Links (records version ${header.schemaVersion}; this app reads up to ${latestSchemaVersion}). Install that version or a later one to restore it. ${nothingRestored}`,
      );
    }
    const dataKey = await unlockBackup(header, input.username, input.password);
    if (!dataKey) {
      return fail(
        'wrong-password',
        `That username and password do not open this backup. Use a Registered Manager’s username and the password they had when the backup was made. ${nothingRestored}`,
      );
    }
    const name = input.live.name;
    const factory = input.live.factory;
    // The install is empty (checked above): replace it with a database at the backup's version.
    await input.live.delete();
    const target = new FamilyLinksDb(name, { upToVersion: header.schemaVersion, indexedDB: factory });
    const outcome = await fill(target, input.port, readId, header, chunkCount, dataKey, input.onProgress);
    if (!outcome.ok) {
      target.close();
      await target.delete().catch(() => undefined);
      return outcome;
    }
    await recordRestore(target, {
      readId,
      fileName,
      header,
      username: input.username,
      password: input.password,
      rebase: input.rebaseAnchor,
      anchor: input.anchor ?? mainProcessAnchor(),
      now: input.now ?? new Date(),
    });
    target.close();
    const device = outcome.value.tables.find((table) => table.name === syncTables.device);
    return ok({ fileName, header, manifest: outcome.value, syncLeftBehind: (device?.rows ?? 0) > 0 });
  } finally {
    await input.port['backup:close']({ readId });
  }
}

/**
 * A restore is a change like any other: it is left for the audit log (chained at the next
 * sign-in, with whose password opened the backup, stamped by the main process), and the main
 * process's anchor is moved to the head the backup's header names (security/restore-anchor.ts), keeping the
 * one it replaces in its history. Neither undoes the restore if it fails: the records are back,
 * and a check of the log then says it cannot be verified, or where it does not match.
 */
async function recordRestore(
  target: FamilyLinksDb,
  restore: {
    readId: string;
    fileName: string;
    header: BackupHeader;
    username: string;
    password: string;
    rebase: AnchorRebase;
    anchor: AuditAnchorPort;
    now: Date;
  },
): Promise<void> {
  try {
    const wanted = restore.username.trim().toLowerCase();
    const manager = restore.header.keyring.find(
      (entry) => entry.isManager && entry.username.toLowerCase() === wanted,
    );
    const rebased = manager
      ? await restore.rebase({
          readId: restore.readId,
          restored: target,
          staffId: manager.staffId,
          password: restore.password,
        })
      : { moved: false, problem: 'no manager account matched' };
    const event = {
      action: 'backup.restored',
      recordType: 'backup',
      detail: `From ${restore.fileName} (made ${restore.header.createdAt}), opened with ${wanted}'s password; the backup's log ends at entry ${restore.header.auditHead?.seq ?? 'unknown'}${rebased.moved ? '' : `; the copy of the log’s end outside the database was not moved (${rebased.problem ?? 'unknown reason'})`}`,
    };
    const sealed = await restore.anchor.sealPending(event);
    await target.pendingAudit.add(
      sealed ? { ...event, ...sealed } : { ...event, at: restore.now.toISOString() },
    );
  } catch (error) {
    console.error('The restore could not be recorded for the audit log', error);
  }
}

async function fill(
  target: FamilyLinksDb,
  port: BackupPort,
  readId: string,
  header: BackupHeader,
  chunkCount: number,
  dataKey: CryptoKey,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<BackupManifest, RestoreFailureCode>> {
  const damaged = fail<RestoreFailureCode>(
    'damaged',
    `This backup is damaged: part of it cannot be read, so it cannot be trusted. ${nothingRestored} Choose another (older) backup.`,
  );
  const notAsBackedUp = fail<RestoreFailureCode>(
    'damaged',
    `This backup is damaged: part of it is missing, out of place or not what was backed up, so it cannot be trusted. ${nothingRestored} Choose another (older) backup.`,
  );
  try {
    await target.open();
    await target.settings.put({ key: restoreMarkerKey, value: { backupId: header.backupId } });
    let manifest: BackupManifest | undefined;
    // What the backup holds, to hold against its manifest. Format 1: each table's digest, taken
    // over the rows as the backup gives them (each one read back from IndexedDB equal to it,
    // below). Format 2: every chunk's table, rows and digest, in the order they came.
    const digests = new Map<string, Awaited<ReturnType<typeof tableDigester>>>();
    const chunks: BackupManifestV2['chunks'][number][] = [];
    // The next chunks are read, decrypted and decoded while these are written: IndexedDB writes
    // in the browser's own process, so the two overlap. Nothing is awaited inside a transaction
    // but IndexedDB itself.
    const load = (index: number) =>
      loadChunk(port, readId, header.backupId, header.formatVersion, dataKey, index);
    const loadFrom = (first: number) =>
      Array.from({ length: Math.max(0, Math.min(chunksPerTransaction, chunkCount - first)) }, (_, at) =>
        load(first + at),
      );
    let pending = loadFrom(0);
    for (let first = 0; first < chunkCount; first += chunksPerTransaction) {
      const loaded = await phase('waiting for chunks', () => Promise.all(pending));
      pending = loadFrom(first + chunksPerTransaction);
      const batch: { table: Table; rows: unknown[]; index: number }[] = [];
      for (const [at, chunk] of loaded.entries()) {
        if (!chunk) return damaged;
        if (chunk.ok === 'threw') throw chunk.error;
        if (!chunk.ok) return fail('unreadable', `${chunk.message} ${nothingRestored}`);
        const content = chunk.content;
        if (content.kind === 'manifest') {
          // The manifest is written last, once: anything after it, or a second, is not the backup.
          if (first + at !== chunkCount - 1) return notAsBackedUp;
          manifest = content.manifest;
          continue;
        }
        if (content.sha256 !== undefined)
          chunks.push({ table: content.table, rows: content.rows.length, sha256: content.sha256 });
        const table = target.tables.find((candidate) => candidate.name === content.table);
        if (!table) return damaged;
        // Derived rows are never restored (a backup should not hold any): they would be worked out
        // again; nor is this computer's sync state (`notRestored`).
        if (notRestored.has(table.name)) continue;
        if (content.rowTexts) {
          const digest = digests.get(table.name) ?? (await tableDigester());
          digests.set(table.name, digest);
          const { rowTexts } = content;
          phaseSync('digesting', () => digest.addTexts(rowTexts));
        }
        batch.push({ table, rows: content.rows, index: first + at });
      }
      if (batch.length === 0) continue;
      await phase('writing and reading back', () =>
        target.transaction('rw', [...new Set(batch.map((chunk) => chunk.table))], async () => {
          for (const { table, rows, index } of batch) {
            await table.bulkAdd(rows);
            await readBackSame(table, rows);
            // Progress chunk by chunk, as each is written and checked, so the bar keeps moving.
            onProgress?.(index + 1, chunkCount);
          }
        }),
      );
    }
    if (!manifest || manifest.tables.length !== header.tables.length) return damaged;
    const whole =
      'chunks' in manifest ? chunksAsListed(manifest, chunks) : await tablesAsDigested(manifest, digests);
    if (!whole) return notAsBackedUp;
    for (const expected of manifest.tables) {
      if (notRestored.has(expected.name)) continue;
      const table = target.tables.find((candidate) => candidate.name === expected.name);
      // Every row written was read back as given; the count says the table holds no others (the
      // settings table also holds the restore's marker until the end).
      const extra = expected.name === 'settings' ? 1 : 0;
      const stored = table ? await phase('counting', () => table.count()) : -1;
      if (stored !== expected.rows + extra) return damaged;
    }
    await target.settings.delete(restoreMarkerKey);
    return ok(manifest);
  } catch (error) {
    if (error instanceof NotStoredAsGiven) return damaged;
    // Each row of a backup is read once under its own key: one given twice is not the backup.
    if (isDuplicateKey(error)) return notAsBackedUp;
    if (isQuotaError(error))
      return fail(
        'storage-full',
        `This computer ran out of space for the records while restoring. ${nothingRestored} Free some disk space and try again.`,
      );
    console.error('Restoring a backup failed', error);
    return fail(
      'write-failed',
      `The backup could not be written into the app. ${nothingRestored} Try again.`,
    );
  }
}

/**
 * Format 1: each restored table's rows, as the backup gave them, have the digest and count its
 * manifest lists (tables left behind, `notRestored`, are not digested).
 */
async function tablesAsDigested(
  manifest: Extract<BackupManifest, { tables: readonly { sha256: string }[] }>,
  digests: ReadonlyMap<string, Awaited<ReturnType<typeof tableDigester>>>,
): Promise<boolean> {
  for (const expected of manifest.tables) {
    if (notRestored.has(expected.name)) continue;
    const digest = (digests.get(expected.name) ?? (await tableDigester())).finish();
    if (digest.rows !== expected.rows || digest.sha256 !== expected.sha256) return false;
  }
  return true;
}

/**
 * Format 2: the chunks read are exactly the chunks the manifest lists, in its order, each with
 * the table, rows and SHA-256 listed (so none was changed, moved, dropped or taken from another
 * backup), and each table's rows are the sum of its chunks'.
 */
function chunksAsListed(
  manifest: BackupManifestV2,
  chunks: readonly BackupManifestV2['chunks'][number][],
): boolean {
  if (manifest.chunks.length !== chunks.length) return false;
  const rows = new Map(manifest.tables.map((table) => [table.name, 0]));
  for (const [at, listed] of manifest.chunks.entries()) {
    const read = chunks[at];
    if (!read || read.table !== listed.table || read.rows !== listed.rows || read.sha256 !== listed.sha256)
      return false;
    const sum = rows.get(listed.table);
    if (sum === undefined) return false;
    rows.set(listed.table, sum + listed.rows);
  }
  return manifest.tables.every((table) => rows.get(table.name) === table.rows);
}

type LoadedChunk =
  | { readonly ok: true; readonly content: ChunkContent }
  | { readonly ok: false; readonly message: string }
  | { readonly ok: 'threw'; readonly error: unknown }
  | undefined;
type ChunkContent =
  | { readonly kind: 'manifest'; readonly manifest: BackupManifest }
  | {
      readonly kind: 'rows';
      readonly table: string;
      readonly rows: unknown[];
      /** Format 1: each row's text, for its table's digest. */
      readonly rowTexts?: readonly string[];
      /** Format 2: the SHA-256 of the chunk's bytes, for the manifest's list. */
      readonly sha256?: string;
    };

/**
 * One chunk read from the main process, opened (AES-GCM: it fails if the chunk was changed or
 * moved) and decoded back into stored rows; undefined when it is damaged. Never rejects (a port
 * that throws is handed back as a value, and rethrown by the caller), so a chunk read ahead that
 * is no longer wanted cannot become an unhandled rejection.
 */
async function loadChunk(
  port: BackupPort,
  readId: string,
  backupId: string,
  formatVersion: BackupHeader['formatVersion'],
  dataKey: CryptoKey,
  index: number,
): Promise<LoadedChunk> {
  let chunk: string;
  try {
    const read = await phase('reading chunks', () => port['backup:read-chunk']({ readId, index }));
    if (!read.ok) return { ok: false, message: read.error.message };
    if (read.value.outcome !== 'chunk') return { ok: false, message: read.value.message };
    chunk = read.value.chunk;
  } catch (error) {
    return { ok: 'threw', error };
  }
  try {
    const bytes = await phase('decrypting', () => openChunkBytes(dataKey, backupId, index, chunk));
    // Format 2: the chunk's digest (WebCrypto, off this thread) while its rows are decoded here.
    const digesting = formatVersion === 2 ? phase('digesting', () => chunkDigest(bytes)) : undefined;
    digesting?.catch(() => undefined);
    const content = phaseSync('parsing', () => JSON.parse(chunkText(bytes)) as unknown);
    if (isManifestChunk(content)) {
      const schema = formatVersion === 2 ? backupManifestV2Schema : backupManifestV1Schema;
      const manifest = schema.safeParse(content.manifest);
      return manifest.success
        ? { ok: true, content: { kind: 'manifest', manifest: manifest.data } }
        : undefined;
    }
    if (!isTableChunk(content)) return undefined;
    const rows = phaseSync('decoding', () => content.rows.map((row) => fromPlain(row as never)));
    if (digesting)
      return { ok: true, content: { kind: 'rows', table: content.table, rows, sha256: await digesting } };
    // Each row as the backup's writer serialised it (its text parsed and serialised again gives the
    // same text), for the table's digest.
    const rowTexts = phaseSync('serialising', () => content.rows.map((row) => JSON.stringify(row)));
    return { ok: true, content: { kind: 'rows', table: content.table, rows, rowTexts } };
  } catch {
    return undefined;
  }
}

function isManifestChunk(content: unknown): content is { manifest: unknown } {
  const chunk = content as { manifest?: unknown; table?: unknown } | null;
  return typeof chunk === 'object' && chunk !== null && 'manifest' in chunk && !('table' in chunk);
}

function isTableChunk(content: unknown): content is { table: string; rows: unknown[] } {
  const chunk = content as { table?: unknown; rows?: unknown } | null;
  return typeof chunk?.table === 'string' && Array.isArray(chunk.rows);
}

/** Chunks decrypted ahead and written in one transaction: fewer commits, each of which waits for the disk. */
const chunksPerTransaction = 8;

/** A row that IndexedDB did not give back as it was given: the restore cannot be trusted. */
class NotStoredAsGiven extends Error {}

/**
 * Reads back, in the transaction that wrote them, the rows just added to `table` (one read over
 * the range of their keys) and throws unless IndexedDB holds exactly those rows, each equal to the
 * row given: the check that the database holds what the backup held.
 */
async function readBackSame(table: Table, rows: readonly unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === undefined || keyPath === null) throw new NotStoredAsGiven('A table without inbound keys');
  const keyed = rows.map((row) => ({ key: Dexie.getByKeyPath(row as object, keyPath) as unknown, row }));
  // A backup's chunk holds its rows in key order (as they were read); sorted here all the same.
  if (keyed.some((entry, at) => at > 0 && cmp((keyed[at - 1] as typeof entry).key, entry.key) >= 0))
    keyed.sort((a, b) => cmp(a.key, b.key));
  const lowest = (keyed[0] as (typeof keyed)[number]).key;
  const highest = (keyed[keyed.length - 1] as (typeof keyed)[number]).key;
  const read = await phase('reading back', () =>
    table.where(':id').between(lowest, highest, true, true).toArray(),
  );
  // The restore's own marker may sort among the settings just written: it is not the backup's.
  const stored =
    table.name === 'settings' ? read.filter((row) => (row as SettingRow).key !== restoreMarkerKey) : read;
  const same = phaseSync(
    'comparing',
    () => stored.length === keyed.length && keyed.every((entry, at) => sameValue(stored[at], entry.row)),
  );
  if (!same) throw new NotStoredAsGiven(`${table.name} does not hold the rows as restored`);
}

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/** Whether two stored values are equal as IndexedDB stores them (bytes, dates, arrays, plain objects). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  if (tag === '[object Uint8Array]') return sameBytes(a as Uint8Array, b as Uint8Array);
  if (tag === '[object ArrayBuffer]')
    return sameBytes(new Uint8Array(a as ArrayBuffer), new Uint8Array(b as ArrayBuffer));
  if (tag === '[object Date]') return (a as Date).getTime() === (b as Date).getTime();
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, at) => sameValue(item, other[at]));
  }
  if (tag !== '[object Object]') return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(Reflect.get(a, key), Reflect.get(b, key)));
}
