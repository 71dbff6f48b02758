import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeBackupFileSystem,
  type BackupFileSystem,
} from '../../../../../electron/main/services/backup/backup-files';
import {
  backupFileName,
  createBackupService,
  isBackupFileName,
  keepFreeBytes,
} from '../../../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../../../electron/main/services/backup/fixed-dialogs';
import { createMainKey } from '../../../../../electron/main/services/main-key';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { backupHeader } from './backup-header';

/** The main key kept in `folder`, as the app's userData holds it. */
const mainKeyIn = (folder: string) => createMainKey({ folder, protectedStorage: inMemoryProtectedStorage() });

// A header in the first file format, for a backup of one staff row.
const header = backupHeader({ formatVersion: 1, tables: [{ name: 'staff', rows: 1 }] });

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

function service(fileSystem: BackupFileSystem = nodeBackupFileSystem) {
  const root = mkdtempSync(join(tmpdir(), 'family-links-backup-service-'));
  const folder = join(root, 'backups');
  const mainKey = mainKeyIn(root);
  return {
    root,
    folder,
    mainKey,
    backup: createBackupService({
      settingsFolder: root,
      defaultFolder: folder,
      dialogs: fixedBackupDialogs(join(root, 'chosen')),
      mainKey,
      fileSystem,
      now: () => new Date('2026-11-29T21:30:05Z'),
    }),
  };
}

/** A file system whose writes fail with `code` after `okWrites` successful ones. */
function failingWrites(code: string, okWrites: number): BackupFileSystem {
  let writes = 0;
  return {
    ...nodeBackupFileSystem,
    async create(path) {
      const real = await nodeBackupFileSystem.create(path);
      return {
        ...real,
        write(bytes) {
          writes += 1;
          return writes > okWrites ? Promise.reject(errno(code)) : real.write(bytes);
        },
      };
    },
  };
}

describe('backup files are whole or absent', () => {
  it('writes magic line, header, chunks and a SHA-256 trailer, then renames into place', async () => {
    const { folder, backup } = service();
    const begun = await backup.begin({ header });
    if (begun.outcome !== 'started') throw new Error(begun.message);
    expect(await backup.append({ writeId: begun.writeId, chunk: 'QUJD' })).toEqual({ outcome: 'appended' });
    const finished = await backup.finish({ writeId: begun.writeId });
    expect(finished).toMatchObject({
      outcome: 'written',
      fileName: 'family-links-backup-2026-11-29T21-30-05Z-manual.flbackup',
    });
    expect(await readdir(folder)).toEqual(['family-links-backup-2026-11-29T21-30-05Z-manual.flbackup']);
    const text = await readFile(
      join(folder, 'family-links-backup-2026-11-29T21-30-05Z-manual.flbackup'),
      'utf8',
    );
    expect(text.split('\n').slice(0, 1)).toEqual(['FAMILY-LINKS-BACKUP 1']);
    expect(text).toMatch(/\nQUJD\nEND [0-9a-f]{64}\n$/);
    const opened = await backup.open({
      source: 'folder',
      fileName: 'family-links-backup-2026-11-29T21-30-05Z-manual.flbackup',
    });
    expect(opened).toMatchObject({ outcome: 'opened', chunkCount: 1, header: { backupId: header.backupId } });
  });

  it.each([
    ['ENOSPC', 'disk-full', /full/],
    ['EACCES', 'no-permission', /not allowed/],
    ['EHOSTDOWN', 'folder-unavailable', /cannot be reached/],
  ])(
    'a write failing with %s mid-backup says %s in plain words and leaves no file behind',
    async (code, expected, words) => {
      const { folder, backup } = service(failingWrites(code, 2));
      const begun = await backup.begin({ header });
      if (begun.outcome !== 'started') throw new Error(begun.message);
      expect(await backup.append({ writeId: begun.writeId, chunk: 'QUJD' })).toEqual({ outcome: 'appended' });
      const failed = await backup.append({ writeId: begun.writeId, chunk: 'REVG' });
      expect(failed).toMatchObject({
        outcome: 'failed',
        code: expected,
        message: expect.stringMatching(words) as unknown,
      });
      expect(failed).toMatchObject({
        message: expect.stringContaining('Your records are safe in the app') as unknown,
      });
      expect(await readdir(folder)).toEqual([]);
      // The abandoned write is gone: finishing it is refused, not half-done.
      expect(await backup.finish({ writeId: begun.writeId })).toMatchObject({
        outcome: 'failed',
        code: 'unknown-id',
      });
    },
  );

  it('permission denied when creating the file is a plain failure, and nothing is left', async () => {
    const { folder, backup } = service({
      ...nodeBackupFileSystem,
      create: () => Promise.reject(errno('EACCES')),
    });
    expect(await backup.begin({ header })).toMatchObject({ outcome: 'failed', code: 'no-permission' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('a disk full at the final flush leaves no file and the previous backups untouched', async () => {
    const { folder, backup, mainKey } = service();
    const first = await backup.begin({ header });
    if (first.outcome !== 'started') throw new Error(first.message);
    await backup.append({ writeId: first.writeId, chunk: 'QUJD' });
    await backup.finish({ writeId: first.writeId });
    const second = createBackupService({
      settingsFolder: join(folder, '..'),
      defaultFolder: folder,
      dialogs: fixedBackupDialogs(folder),
      mainKey,
      fileSystem: failingWrites('ENOSPC', 2),
      now: () => new Date('2026-11-30T21:30:05Z'),
    });
    const begun = await second.begin({ header });
    if (begun.outcome !== 'started') throw new Error(begun.message);
    await second.append({ writeId: begun.writeId, chunk: 'QUJD' });
    expect(await second.finish({ writeId: begun.writeId })).toMatchObject({
      outcome: 'failed',
      code: 'disk-full',
    });
    expect(await readdir(folder)).toEqual(['family-links-backup-2026-11-29T21-30-05Z-manual.flbackup']);
  });

  it('backups that hold nothing never push a real one out, nor put off the scheduled one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'family-links-backup-service-'));
    const folder = join(root, 'backups');
    const mainKey = mainKeyIn(root);
    const at = (when: string) =>
      createBackupService({
        settingsFolder: root,
        defaultFolder: folder,
        dialogs: fixedBackupDialogs(folder),
        mainKey,
        now: () => new Date(when),
      });
    const real = at('2026-11-29T21:30:05Z');
    await real.setOptions({ keep: 2, intervalDays: 7 });
    for (const when of ['2026-11-28T21:30:05Z', '2026-11-29T21:30:05Z']) {
      const service = at(when);
      const begun = await service.begin({ header });
      if (begun.outcome !== 'started') throw new Error(begun.message);
      await service.append({ writeId: begun.writeId, chunk: 'QUJD' });
      expect(await service.finish({ writeId: begun.writeId })).toMatchObject({ outcome: 'written' });
    }
    const before = await readdir(folder);
    const { lastBackupAt } = await real.getSettings();
    // Someone at the computer repeats begin and finish `keep` times, appending nothing.
    for (const when of ['2026-11-30T08:00:00Z', '2026-11-30T08:00:01Z']) {
      const service = at(when);
      const begun = await service.begin({ header });
      if (begun.outcome !== 'started') throw new Error(begun.message);
      expect(await service.finish({ writeId: begun.writeId })).toMatchObject({
        outcome: 'failed',
        message: expect.stringContaining('held no records') as unknown,
      });
    }
    expect(await readdir(folder)).toEqual(before);
    expect(before).toHaveLength(2);
    expect((await real.getSettings()).lastBackupAt).toBe(lastBackupAt);
  });

  it('is not begun on a disk with less than 512 MB free, and nothing is left', async () => {
    const { folder, backup } = service({
      ...nodeBackupFileSystem,
      freeBytes: () => Promise.resolve(keepFreeBytes - 1),
    });
    expect(await backup.begin({ header })).toMatchObject({
      outcome: 'failed',
      code: 'disk-full',
      message: expect.stringContaining('less than 512 MB would be left') as unknown,
    });
    expect(await readdir(folder)).toEqual([]);
  });

  it('stops one that would leave less than 512 MB free, removes its part, and keeps the earlier ones', async () => {
    // The disk has 40 MB above the floor; every byte written comes off it.
    let free = keepFreeBytes + 40 * 1024 ** 2;
    let looks = 0;
    const filling: BackupFileSystem = {
      ...nodeBackupFileSystem,
      async create(path) {
        const real = await nodeBackupFileSystem.create(path);
        return {
          ...real,
          async write(bytes) {
            await real.write(bytes);
            free -= bytes.byteLength;
          },
        };
      },
      freeBytes() {
        looks += 1;
        return Promise.resolve(free);
      },
    };
    const { folder, backup } = service(filling);
    const small = await backup.begin({ header });
    if (small.outcome !== 'started') throw new Error(small.message);
    await backup.append({ writeId: small.writeId, chunk: 'QUJD' });
    expect(await backup.finish({ writeId: small.writeId })).toMatchObject({ outcome: 'written' });
    const kept = await readdir(folder);

    const endless = await backup.begin({ header });
    if (endless.outcome !== 'started') throw new Error(endless.message);
    const megabyte = 'A'.repeat(1024 ** 2 - 1);
    let appended = 0;
    let last;
    for (;;) {
      last = await backup.append({ writeId: endless.writeId, chunk: megabyte });
      if (last.outcome !== 'appended') break;
      appended += 1;
      if (appended > 100) throw new Error('the backup was never stopped');
    }
    expect(last).toMatchObject({ outcome: 'failed', code: 'disk-full' });
    // Stopped at its first look past the floor; the space is looked at once per 32 MB, not per chunk.
    expect(appended).toBeGreaterThanOrEqual(32);
    expect(appended).toBeLessThan(64);
    expect(looks).toBeLessThanOrEqual(4);
    expect(await readdir(folder)).toEqual(kept);
    expect(await backup.append({ writeId: endless.writeId, chunk: 'QUJD' })).toMatchObject({
      code: 'unknown-id',
    });
    // Space freed, the next backup goes ahead.
    free = keepFreeBytes * 4;
    expect(await backup.begin({ header })).toMatchObject({ outcome: 'started' });
  });

  it('goes ahead where the disk does not say how much is free, and the real disk does say', async () => {
    const { backup, folder } = service({
      ...nodeBackupFileSystem,
      freeBytes: () => Promise.resolve(undefined),
    });
    const begun = await backup.begin({ header });
    expect(begun).toMatchObject({ outcome: 'started' });
    expect(await nodeBackupFileSystem.freeBytes?.(folder)).toBeGreaterThan(0);
    expect(await nodeBackupFileSystem.freeBytes?.(join(folder, 'not-there'))).toBeUndefined();
  });

  it('one backup at a time', async () => {
    const { backup } = service();
    const begun = await backup.begin({ header });
    expect(begun.outcome).toBe('started');
    expect(await backup.begin({ header })).toMatchObject({ outcome: 'failed', code: 'busy' });
  });

  it('a backup begun and left blocks the next one only until ten minutes pass with nothing added', async () => {
    const root = mkdtempSync(join(tmpdir(), 'family-links-backup-service-'));
    const folder = join(root, 'backups');
    let clock = new Date('2026-11-29T21:30:05Z').getTime();
    const backup = createBackupService({
      settingsFolder: root,
      defaultFolder: folder,
      dialogs: fixedBackupDialogs(folder),
      mainKey: mainKeyIn(root),
      now: () => new Date(clock),
    });
    const left = await backup.begin({ header });
    if (left.outcome !== 'started') throw new Error(left.message);
    clock += 9 * 60 * 1000;
    await backup.append({ writeId: left.writeId, chunk: 'QUJD' });
    clock += 9 * 60 * 1000;
    expect(await backup.begin({ header })).toMatchObject({ outcome: 'failed', code: 'busy' });
    clock += 60 * 1000;
    const next = await backup.begin({ header });
    expect(next.outcome).toBe('started');
    expect(await backup.finish({ writeId: left.writeId })).toMatchObject({ code: 'unknown-id' });
    expect((await readdir(folder)).filter((name) => name.endsWith('.partial'))).toHaveLength(1);
  });

  it('names backups so they sort by time and say why they were made', () => {
    expect(backupFileName(new Date('2026-01-02T03:04:05.678Z'), 'before-upgrade')).toBe(
      'family-links-backup-2026-01-02T03-04-05Z-before-upgrade.flbackup',
    );
    expect(isBackupFileName('family-links-backup-2026-01-02T03-04-05Z-before-upgrade.flbackup')).toBe(true);
    expect(isBackupFileName('../family-links-backup-2026-01-02T03-04-05Z-manual.flbackup')).toBe(false);
    expect(isBackupFileName('family-links-backup-2026-01-02T03-04-05Z-manual.flbackup/../../x')).toBe(false);
  });

  it('refuses a file that is not a backup', async () => {
    const notBackup = createBackupService({
      settingsFolder: mkdtempSync(join(tmpdir(), 'fl-')),
      mainKey: mainKeyIn(mkdtempSync(join(tmpdir(), 'fl-'))),
      defaultFolder: mkdtempSync(join(tmpdir(), 'fl-')),
      dialogs: {
        chooseFolder: () => Promise.resolve(null),
        chooseBackupFile: () => Promise.resolve(join(import.meta.dirname, 'backup-service.test.ts')),
      },
    });
    expect(await notBackup.open({ source: 'dialog' })).toMatchObject({
      outcome: 'failed',
      code: 'not-a-backup',
    });
  });
});
