import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAuditAnchorService,
  type RestoreRecord,
} from '../../../../electron/main/services/audit-anchor';
import { inMemoryProtectedStorage } from '../../../../electron/main/services/mail/in-memory-protected-storage';
import { createMainKey } from '../../../../electron/main/services/main-key';
import type { AuditLink } from '../../../../shared/ipc/channels/audit';
import { genesisMac } from '../../../../shared/rules/audit-chain';

const folders: string[] = [];
afterEach(async () =>
  Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))),
);

async function anchorIn(folder?: string, storage = inMemoryProtectedStorage()) {
  const home = folder ?? (await mkdtemp(join(tmpdir(), 'family-links-anchor-')));
  if (!folder) folders.push(home);
  const log: string[] = [];
  const mainKey = createMainKey({ folder: home, protectedStorage: storage });
  return {
    folder: home,
    log,
    storage,
    anchor: createAuditAnchorService({
      folder: home,
      mainKey,
      now: () => new Date('2026-11-23T09:00:00.000Z'),
      log: (message) => log.push(message),
    }),
  };
}

/** A log's links, as the page reads them from its entries: entry n follows entry n-1's MAC. */
function chain(length: number, from: { seq: number; mac: string } | null = null): AuditLink[] {
  const links: AuditLink[] = [];
  let previous = from ?? { seq: 0, mac: genesisMac };
  for (let index = 0; index < length; index += 1) {
    const link = { seq: previous.seq + 1, previousMac: previous.mac, mac: randomBytes(32).toString('hex') };
    links.push(link);
    previous = link;
  }
  return links;
}
const headOf = (links: AuditLink[]) => {
  const last = links[links.length - 1];
  if (!last) throw new Error('no links');
  return { seq: last.seq, mac: last.mac };
};

const restore = (overrides: Partial<RestoreRecord> = {}): RestoreRecord => ({
  fileName: 'family-links-backup-2026-11-20T10-00-00Z-manual.flbackup',
  sha256: 'ab'.repeat(32),
  auditHead: { seq: 2, mac: 'cd'.repeat(32) },
  isReadThrough: true,
  ...overrides,
});

describe('the audit anchor kept by the main process', () => {
  it('starts only from entry 1, then moves on only along links that follow from the head it holds', async () => {
    const { anchor } = await anchorIn();
    expect((await anchor.readAnchor()).anchor).toEqual({ state: 'none' });
    const log = chain(3);
    expect((await anchor.anchorHead(log.slice(1))).outcome).toBe('does-not-follow');
    expect((await anchor.anchorHead(log)).outcome).toBe('stored');
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'anchored', ...headOf(log) });
    const more = chain(2, headOf(log));
    // Overlapping links are fine: what counts is that the new ones follow from the stored head.
    expect((await anchor.anchorHead([...log, ...more])).outcome).toBe('stored');
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'anchored', seq: 5 });
  });

  it('refuses a head with a higher number that does not chain from the stored one', async () => {
    const { anchor } = await anchorIn();
    const log = chain(5);
    await anchor.anchorHead(log);
    // The log cut back to entry 3 and grown again: the new entry 6 follows a different entry 5.
    const regrown = chain(3, { seq: 3, mac: log[2]?.mac ?? '' });
    const reply = await anchor.anchorHead(regrown);
    expect(reply.outcome).toBe('does-not-follow');
    expect((await anchor.readAnchor()).anchor).toMatchObject({ seq: 5, mac: headOf(log).mac });
    // Links that skip one, or jump, are refused too.
    const next = chain(2, headOf(log));
    expect((await anchor.anchorHead(next.slice(1))).outcome).toBe('does-not-follow');
    expect((await anchor.anchorHead([{ ...chain(1, headOf(log))[0]!, seq: 9 }])).outcome).toBe(
      'does-not-follow',
    );
  });

  it('never moves backwards', async () => {
    const { anchor, log } = await anchorIn();
    const entries = chain(5);
    await anchor.anchorHead(entries);
    expect((await anchor.anchorHead(entries.slice(0, 3))).outcome).toBe('older-than-stored');
    expect((await anchor.anchorHead(entries)).outcome).toBe('stored');
    expect((await anchor.readAnchor()).anchor).toMatchObject({ seq: 5 });
    expect(log).toContain('Refused to move the audit anchor backwards');
  });

  it('keeps heads in order when many arrive at once, and leaves no temporary files', async () => {
    const { anchor, folder } = await anchorIn();
    const entries = chain(6);
    await Promise.all(entries.map((_, index) => anchor.anchorHead(entries.slice(0, index + 1))));
    expect((await anchor.readAnchor()).anchor).toMatchObject({ seq: 6 });
    expect((await readdir(folder)).sort()).toEqual([
      'audit-anchor-history.jsonl',
      'audit-anchor.json',
      'main-key.json',
    ]);
  });
});

describe('the anchor fails closed', () => {
  it('a removed anchor file reads as missing, not as "no anchor", and is never re-anchored', async () => {
    const { anchor, folder } = await anchorIn();
    const entries = chain(4);
    await anchor.anchorHead(entries);
    await rm(join(folder, 'audit-anchor.json'));
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'missing' });
    // Even a log sent again from entry 1 does not start it over: that is how a cut would be hidden.
    expect((await anchor.anchorHead([...entries, ...chain(1, headOf(entries))])).outcome).toBe(
      'cannot-verify',
    );
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'missing' });
  });

  it.each([
    ['its number moved back', (file: Record<string, unknown>) => ({ ...file, seq: 2 })],
    ['its MAC swapped', (file: Record<string, unknown>) => ({ ...file, mac: 'ee'.repeat(32) })],
    ['its seal removed', ({ tag: _tag, ...file }: Record<string, unknown>) => file],
    ['its seal forged', (file: Record<string, unknown>) => ({ ...file, tag: 'ff'.repeat(32) })],
  ])('an anchor file with %s reads as damaged, and stays so', async (_case, edit) => {
    const { anchor, folder } = await anchorIn();
    const entries = chain(4);
    await anchor.anchorHead(entries);
    const path = join(folder, 'audit-anchor.json');
    await writeFile(
      path,
      JSON.stringify(edit(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)),
    );
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'damaged' });
    expect((await anchor.anchorHead(chain(1, headOf(entries)))).outcome).toBe('cannot-verify');
  });

  it('unreadable JSON reads as damaged', async () => {
    const { anchor, folder } = await anchorIn();
    await anchor.anchorHead(chain(1));
    await writeFile(join(folder, 'audit-anchor.json'), '{"seq": "not a number"');
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'damaged' });
  });

  it('when the main key cannot be opened (another account, a reset keyring), nothing can be verified', async () => {
    const { anchor, folder } = await anchorIn();
    await anchor.anchorHead(chain(2));
    const elsewhere = await anchorIn(folder, inMemoryProtectedStorage());
    expect(await elsewhere.anchor.readAnchor()).toMatchObject({
      anchor: { state: 'unverifiable' },
      keyProtection: 'unreadable',
    });
    expect(JSON.parse(await readFile(join(folder, 'main-key.json'), 'utf8'))).toMatchObject({
      protection: 'os',
    });
  });

  it('adopts an anchor written before anchors were sealed, once, by the run that makes the key', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'family-links-anchor-'));
    folders.push(folder);
    const entries = chain(3);
    await writeFile(
      join(folder, 'audit-anchor.json'),
      JSON.stringify({ ...headOf(entries), storedAt: 'then' }),
    );
    const { anchor } = await anchorIn(folder);
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'anchored', seq: 3 });
    expect((await anchor.history()).entries).toEqual([
      expect.objectContaining({ kind: 'adopted', isAuthentic: true }),
    ]);
  });

  it('a file without a seal planted after the key exists is damaged, not adopted', async () => {
    const { anchor, folder, storage } = await anchorIn();
    await anchor.anchorHead(chain(1));
    await writeFile(
      join(folder, 'audit-anchor.json'),
      JSON.stringify({ seq: 1, mac: 'aa'.repeat(32), storedAt: 'then' }),
    );
    const later = await anchorIn(folder, storage);
    expect((await later.anchor.readAnchor()).anchor).toMatchObject({ state: 'damaged' });
  });
});

describe('moving the anchor back after a restore', () => {
  it('is refused outside a restore, before the backup was read through, and for a backup naming no head', async () => {
    const { anchor } = await anchorIn();
    await anchor.anchorHead(chain(5));
    expect(await anchor.rebaseAnchor(undefined, 'Pat Manager')).toMatchObject({
      outcome: 'refused',
      code: 'not-in-restore',
    });
    expect(await anchor.rebaseAnchor(restore({ isReadThrough: false }), 'Pat Manager')).toMatchObject({
      outcome: 'refused',
      code: 'not-read-through',
    });
    for (const auditHead of [null, undefined])
      expect(await anchor.rebaseAnchor(restore({ auditHead }), 'Pat Manager')).toMatchObject({
        outcome: 'refused',
        code: 'no-head',
      });
    expect((await anchor.readAnchor()).anchor).toMatchObject({ seq: 5 });
  });

  it('moves to the backup’s own head, writes the step to the history first, and the log grows from there', async () => {
    const { anchor } = await anchorIn();
    const entries = chain(9);
    await anchor.anchorHead(entries);
    const backupHead = { seq: 4, mac: entries[3]!.mac };
    expect(await anchor.rebaseAnchor(restore({ auditHead: backupHead }), 'Pat Manager')).toEqual({
      outcome: 'rebased',
      previous: headOf(entries),
      head: backupHead,
    });
    expect((await anchor.readAnchor()).anchor).toMatchObject({ state: 'anchored', ...backupHead });
    expect((await anchor.anchorHead(chain(1, backupHead))).outcome).toBe('stored');
    expect((await anchor.history()).entries).toEqual([
      expect.objectContaining({
        kind: 'rebased',
        backupFileName: 'family-links-backup-2026-11-20T10-00-00Z-manual.flbackup',
        previousSeq: 9,
        newSeq: 4,
        by: 'Pat Manager',
        isAuthentic: true,
      }),
      expect.objectContaining({ kind: 'started', newSeq: 9, isAuthentic: true }),
    ]);
  });

  it('a restore onto a computer whose anchor was lost starts it again, and says so', async () => {
    const { anchor, folder } = await anchorIn();
    await anchor.anchorHead(chain(3));
    await rm(join(folder, 'audit-anchor.json'));
    expect((await anchor.rebaseAnchor(restore(), 'Pat Manager')).outcome).toBe('rebased');
    expect((await anchor.history()).entries[0]).toMatchObject({
      kind: 'rebased',
      note: 'the anchor was missing',
    });
  });

  it('shows a history line written or changed outside the app as not authentic', async () => {
    const { anchor, folder } = await anchorIn();
    await anchor.anchorHead(chain(2));
    const path = join(folder, 'audit-anchor-history.jsonl');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"newSeq":2', '"newSeq":7'));
    await appendFile(
      path,
      `${JSON.stringify({ at: '2026-01-01T00:00:00.000Z', kind: 'rebased', newSeq: 1 })}\nnot json\n`,
    );
    expect((await anchor.history()).entries.map((entry) => entry.isAuthentic)).toEqual([false, false, false]);
  });
});
