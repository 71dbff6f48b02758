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
