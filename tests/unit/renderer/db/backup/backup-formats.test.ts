// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { backupHeaderSchema, type BackupHeader } from '@shared/schemas/backup';
import { base64ToBytes, hexOf } from '@shared/bytes';
import { openChunkBytes, sealChunkBytes } from '../../../../../renderer/src/db/backup/backup-codec';
import { tableDigests } from '../../../../../renderer/src/db/backup/restore-backup';
import { deriveKeyEncryptionKey } from '../../../../../renderer/src/db/encryption/key-derivation';
import { unwrapDataKey } from '../../../../../renderer/src/db/encryption/key-wrapping';
import { generateHome } from '../../../../fixtures/generate-home';
import formatOneFile from '../../../../fixtures/backups/format-1.flbackup?raw';
import formatOneFacts from '../../../../fixtures/backups/format-1.json';
import {
  type BackupRig,
  backupRig,
  loadedSource,
  managerPassword,
  managerUsernameOf,
  openedDb,
  restoreAsManager,
  rowsIn,
  withoutPendingAudit,
  writeManualBackup,
} from './backup-test-support';

/**
 * Restores read every backup format there has been. The format-1 fixture was written by the
 * format-1 writer (each table's SHA-256 over its rows' texts in the manifest) from a small
 * generated home cut to four rows a table, three rows a chunk; its JSON holds the password that
 * opens it and each table's digest as the source held it.
 */
const home = generateHome({ size: 'small', seed: 7 });
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type BackupFile = { readonly head: readonly string[]; readonly header: BackupHeader; chunks: string[] };

function parsed(text: string): BackupFile {
  const lines = text.split('\n');
  // The magic line and header, then a chunk a line, then `END <sha256>` and the final newline.
  const head = lines.slice(0, 2);
  return { head, header: backupHeaderSchema.parse(JSON.parse(head[1] ?? '')), chunks: lines.slice(2, -2) };
}

/** The file again, with its checksum worked out afresh: past the main process's check, to the renderer's. */
async function unparsed(file: BackupFile): Promise<string> {
  const body = `${[...file.head, ...file.chunks].join('\n')}\n`;
  return `${body}END ${hexOf(await crypto.subtle.digest('SHA-256', encoder.encode(body)))}\n`;
}

/** The data key a manager's password opens from a backup's keyring, as someone holding it could use it. */
async function dataKeyOf(header: BackupHeader, username: string, password: string): Promise<CryptoKey> {
  const entry = header.keyring.find((candidate) => candidate.username === username);
  if (!entry) throw new Error('No keyring entry');
  const kek = await deriveKeyEncryptionKey(password, base64ToBytes(entry.salt), entry.kdf);
  const key = await unwrapDataKey(
    { iv: base64ToBytes(entry.wrappedDataKey.iv), data: base64ToBytes(entry.wrappedDataKey.data).buffer },
    kek,
    entry.staffId,
  );
  if (!key.ok) throw new Error('The password does not open the keyring');
  return key.value;
}

const opened = (file: BackupFile, key: CryptoKey, index: number) =>
  openChunkBytes(key, file.header.backupId, index, file.chunks[index] ?? '');
const sealedAt = (file: BackupFile, key: CryptoKey, index: number, bytes: Uint8Array<ArrayBuffer>) =>
  sealChunkBytes(key, file.header.backupId, index, bytes);
const tableOf = async (file: BackupFile, key: CryptoKey, index: number) =>
  (JSON.parse(decoder.decode(await opened(file, key, index))) as { table?: string }).table;

/** Where `table`'s first chunk is. */
async function placeOf(file: BackupFile, key: CryptoKey, table: string): Promise<number> {
  for (let at = 0; at + 1 < file.chunks.length; at += 1)
    if ((await tableOf(file, key, at)) === table) return at;
  throw new Error(`No chunk of ${table}`);
}

/** Two chunks of one table, next to each other (rows chunks only: the manifest is the last). */
async function sameTablePair(file: BackupFile, key: CryptoKey): Promise<number> {
  for (let at = 0; at + 2 < file.chunks.length; at += 1) {
    const table = await tableOf(file, key, at);
    if (table && table === (await tableOf(file, key, at + 1))) return at;
  }
  throw new Error('No table with two chunks');
}

type Tampering = (file: BackupFile, other: BackupFile) => Promise<void>;

/**
 * Each way a chunk can be tampered with, by someone without the data key (the file edited: the
 * chunk's seal, bound to its backup and place, refuses it) and by someone holding it (each chunk
 * sealed again in its new place, so only the manifest can tell).
 */
function tamperings(key: () => CryptoKey, otherKey: () => CryptoKey): [string, Tampering][] {
  return [
    [
      'a chunk altered (edited in the file)',
      (file) => {
        const chunk = file.chunks[1] ?? '';
        file.chunks[1] = `${chunk.slice(0, 40)}${chunk[40] === 'A' ? 'B' : 'A'}${chunk.slice(41)}`;
        return Promise.resolve();
      },
    ],
    [
      'two chunks swapped (in the file)',
      (file) => {
        [file.chunks[0], file.chunks[1]] = [file.chunks[1] ?? '', file.chunks[0] ?? ''];
        return Promise.resolve();
      },
    ],
    [
      'a chunk dropped (from the file)',
      (file) => {
        file.chunks.splice(1, 1);
        return Promise.resolve();
      },
    ],
    [
      'a chunk replayed from another backup (in the file)',
      (file, other) => {
        file.chunks[1] = other.chunks[1] ?? '';
        return Promise.resolve();
      },
    ],
    [
      'a chunk altered and sealed again in its place',
      async (file) => {
        const place = await placeOf(file, key(), 'accountKeys');
        const text = decoder.decode(await opened(file, key(), place));
        // One character of the row's salt, still valid base64 and JSON.
        const at = text.indexOf('"$bytes":"') + 12;
        const changed = `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
        file.chunks[place] = await sealedAt(file, key(), place, encoder.encode(changed));
      },
    ],
    [
      "two of a table's chunks swapped and each sealed again in its new place",
      async (file) => {
        const at = await sameTablePair(file, key());
        const [first, second] = [await opened(file, key(), at), await opened(file, key(), at + 1)];
        file.chunks[at] = await sealedAt(file, key(), at, second);
        file.chunks[at + 1] = await sealedAt(file, key(), at + 1, first);
      },
    ],
    [
      'a chunk dropped and every later one sealed again a place earlier',
      async (file) => {
        const later = await Promise.all(file.chunks.slice(2).map((_, at) => opened(file, key(), at + 2)));
        file.chunks.splice(1);
        for (const [at, bytes] of later.entries())
          file.chunks.push(await sealedAt(file, key(), at + 1, bytes));
      },
    ],
    [
      "another backup's chunk of the same table sealed again in this one's place",
      async (file, other) => {
        // The keyring table's one chunk: its row is keyed by a staff id the other home does not have.
        const place = await placeOf(file, key(), 'accountKeys');
        const bytes = await opened(other, otherKey(), await placeOf(other, otherKey(), 'accountKeys'));
        file.chunks[place] = await sealedAt(file, key(), place, bytes);
      },
    ],
  ];
}

let rig: BackupRig;
let formatOne: BackupFile;
let formatOneKey: CryptoKey;
let formatTwo: BackupFile;
let formatTwoKey: CryptoKey;
let tampered = 0;
const fixtureName = 'family-links-backup-2026-12-05T09-00-00Z-manual.flbackup';

beforeAll(async () => {
  rig = await backupRig();
  const { source, session } = await loadedSource('formats-source', home);
  // A backup of its own home, cut down as the fixture was, so the tests stay quick.
  for (const table of source.tables) {
    if (table.name === 'staff' || table.name === 'accountKeys') continue;
    await table.bulkDelete((await table.toCollection().primaryKeys()).slice(5));
  }
  const written = await writeManualBackup(source, session.dataKey, rig.writes, {
    now: new Date('2026-12-05T10:00:00Z'),
    pageSize: 3,
  });
  formatTwo = parsed(decoder.decode(await rig.read(written.fileName)));
  formatTwoKey = session.dataKey;
  // The folder is there once a backup has been written to it.
  await rig.write(fixtureName, formatOneFile);
  formatOne = parsed(formatOneFile);
  formatOneKey = await dataKeyOf(formatOne.header, formatOneFacts.username, formatOneFacts.password);
}, 120_000);

describe('restores read every backup format', () => {
  it('restores a format-1 backup (each table digested) to the rows it was made from', async () => {
    expect(formatOne.header.formatVersion).toBe(1);
    const target = await openedDb('format-1-target', new IDBFactory());
    const result = await restoreAsManager(home, {
      live: target,
      rig,
      fileName: fixtureName,
      username: formatOneFacts.username,
      password: formatOneFacts.password,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.manifest).not.toHaveProperty('chunks');
    const reopened = await openedDb('format-1-target', target.factory);
    expect(Object.fromEntries(withoutPendingAudit(await tableDigests(reopened)))).toEqual(
      Object.fromEntries(withoutPendingAudit(new Map(Object.entries(formatOneFacts.digests)))),
    );
  });

  it('writes format 2, listing every chunk with its SHA-256, and restores it', async () => {
    expect(formatTwo.header.formatVersion).toBe(2);
    const target = await openedDb('format-2-target', new IDBFactory());
    const name = 'family-links-backup-2026-12-05T10-00-00Z-manual-9.flbackup';
    await rig.write(name, await unparsed(formatTwo));
    const result = await restoreAsManager(home, { live: target, rig, fileName: name });
    if (!result.ok) throw new Error(result.error.message);
    const manifest = result.value.manifest;
    expect('chunks' in manifest ? manifest.chunks : []).toHaveLength(formatTwo.chunks.length - 1);
    const first = 'chunks' in manifest ? manifest.chunks[0] : undefined;
    expect(first?.sha256).toBe(
      hexOf(await crypto.subtle.digest('SHA-256', await opened(formatTwo, formatTwoKey, 0))),
    );
  });
});

describe.each([
  ['format 1', () => formatOne, () => formatOneKey, () => formatTwo, () => formatTwoKey],
  ['format 2', () => formatTwo, () => formatTwoKey, () => formatOne, () => formatOneKey],
] as const)('a %s backup tampered with is refused', (format, file, key, other, otherKey) => {
  it.each(tamperings(key, otherKey))('%s', async (kind, tamper) => {
    const copy = { ...file(), chunks: [...file().chunks] };
    await tamper(copy, other());
    tampered += 1;
    const name = `family-links-backup-2026-12-05T11-00-00Z-manual-${tampered}.flbackup`;
    await rig.write(name, await unparsed(copy));
    const target = await openedDb(`tampered-${format}`, new IDBFactory());
    const result = await restoreAsManager(home, {
      live: target,
      rig,
      fileName: name,
      ...(file() === formatOne
        ? { username: formatOneFacts.username, password: formatOneFacts.password }
        : { username: managerUsernameOf(home), password: managerPassword }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'damaged',
        // The seal refuses an edited file; only the manifest can tell what the key sealed again.
        message: expect.stringMatching(
          kind.includes('sealed again')
            ? /^This backup is damaged: part of it is missing, out of place or not what was backed up.*Nothing was restored/
            : /^This backup is damaged: part of it cannot be read.*Nothing was restored/,
        ) as unknown,
      },
    });
    expect(await rowsIn(await openedDb(`tampered-${format}`, target.factory))).toBe(0);
  });
});
