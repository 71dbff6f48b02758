import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditAnchorService } from '../../../electron/main/services/audit-anchor';

const macOf = (digit: string) => digit.repeat(64);
const folders: string[] = [];
afterEach(async () =>
  Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true }))),
);

async function anchorIn() {
  const folder = await mkdtemp(join(tmpdir(), 'family-links-anchor-'));
  folders.push(folder);
  const log: string[] = [];
  return {
    folder,
    log,
    anchor: createAuditAnchorService({
      folder,
      now: () => new Date('2026-11-23T09:00:00.000Z'),
      log: (message) => log.push(message),
    }),
  };
}

describe('the audit anchor kept by the main process', () => {
  it('has nothing before the first entry, then the latest head', async () => {
    const { anchor } = await anchorIn();
    expect(await anchor.readAnchor()).toEqual({ anchor: null });
    await anchor.anchorHead({ seq: 1, mac: macOf('a') });
    await anchor.anchorHead({ seq: 2, mac: macOf('b') });
    expect(await anchor.readAnchor()).toEqual({
      anchor: { seq: 2, mac: macOf('b'), storedAt: '2026-11-23T09:00:00.000Z' },
    });
  });

  it('never moves backwards: a shorter log cannot be made to look whole', async () => {
    const { anchor, log } = await anchorIn();
    await anchor.anchorHead({ seq: 5, mac: macOf('e') });
    expect(await anchor.anchorHead({ seq: 3, mac: macOf('c') })).toEqual({ outcome: 'older-than-stored' });
    expect((await anchor.readAnchor()).anchor?.seq).toBe(5);
    expect(log).toContain('Refused to move the audit anchor backwards');
  });

  it('after a restore the anchor moves back to the backup’s head, and the anchor it replaced stays in an append-only history', async () => {
    const { anchor, folder } = await anchorIn();
    await anchor.anchorHead({ seq: 9, mac: macOf('9') });
    expect(
      await anchor.rebaseAnchor({
        head: { seq: 4, mac: macOf('4') },
        reason: 'restored-from-backup',
        backupFileName: 'family-links-backup-a.flbackup',
      }),
    ).toEqual({ outcome: 'rebased', previous: { seq: 9, mac: macOf('9') } });
    expect((await anchor.readAnchor()).anchor?.seq).toBe(4);
    // The log then grows from there as usual.
    expect(await anchor.anchorHead({ seq: 5, mac: macOf('5') })).toEqual({ outcome: 'stored' });
    // A second restore, of a backup with an empty log, clears the anchor; both steps are in the history.
    await anchor.rebaseAnchor({
      head: null,
      reason: 'restored-from-backup',
      backupFileName: 'family-links-backup-b.flbackup',
    });
    expect(await anchor.readAnchor()).toEqual({ anchor: null });
    const lines = (await readFile(join(folder, 'audit-anchor-history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      expect.objectContaining({
        backupFileName: 'family-links-backup-a.flbackup',
        previous: expect.objectContaining({ seq: 9 }) as unknown,
        replacedBy: { seq: 4, mac: macOf('4') },
      }),
      expect.objectContaining({
        backupFileName: 'family-links-backup-b.flbackup',
        previous: expect.objectContaining({ seq: 5 }) as unknown,
        replacedBy: null,
      }),
    ]);
  });

  it('keeps heads in order when many arrive at once, and leaves no temporary files', async () => {
    const { anchor, folder } = await anchorIn();
    await Promise.all([1, 2, 3, 4, 5, 6].map((seq) => anchor.anchorHead({ seq, mac: macOf(String(seq)) })));
    expect((await anchor.readAnchor()).anchor?.seq).toBe(6);
    expect(await readdir(folder)).toEqual(['audit-anchor.json']);
  });

  it('treats a damaged file as missing and says so, rather than failing', async () => {
    const { anchor, folder, log } = await anchorIn();
    await writeFile(join(folder, 'audit-anchor.json'), '{"seq": "not a number"}');
    expect(await anchor.readAnchor()).toEqual({ anchor: null });
    expect(log).toContain('The audit anchor file is damaged; treating it as missing');
    await anchor.anchorHead({ seq: 1, mac: macOf('f') });
    expect(JSON.parse(await readFile(join(folder, 'audit-anchor.json'), 'utf8'))).toMatchObject({ seq: 1 });
  });
});
