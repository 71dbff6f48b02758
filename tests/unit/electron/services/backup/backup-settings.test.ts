import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createBackupService,
  untrustedSettingsMessage,
} from '../../../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../../../electron/main/services/backup/fixed-dialogs';
import { createMainKey } from '../../../../../electron/main/services/main-key';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { defaultBackupIntervalDays, defaultBackupKeep } from '../../../../../shared/schemas/backup';
import { backupHeader } from './backup-header';

// Someone who can edit the files on the office computer, but not open its protected storage, must
// not be able to make backups fewer, rarer or go elsewhere by editing backup-settings.json.

const header = backupHeader({ reason: 'scheduled' });

/** A computer's backup service over a fresh userData, with the manager's network folder made. */
async function computer() {
  const userData = mkdtempSync(join(tmpdir(), 'family-links-backup-settings-'));
  const networkFolder = join(userData, 'network-share');
  const elsewhere = join(userData, 'somewhere-else');
  await mkdir(networkFolder);
  await mkdir(elsewhere);
  const mainKey = createMainKey({ folder: userData, protectedStorage: inMemoryProtectedStorage() });
  let now = new Date('2026-11-29T21:30:05Z');
  const backup = createBackupService({
    settingsFolder: userData,
    defaultFolder: join(userData, 'backups'),
    dialogs: fixedBackupDialogs(networkFolder),
    mainKey,
    now: () => now,
  });
  const settingsPath = join(userData, 'backup-settings.json');
  return {
    userData,
    networkFolder,
    elsewhere,
    backup,
    settingsFile: async () => JSON.parse(await readFile(settingsPath, 'utf8')) as Record<string, unknown>,
    writeSettingsFile: (value: unknown) => writeFile(settingsPath, JSON.stringify(value)),
    /** A backup with one chunk, finished a minute after the last. */
    async backUp() {
      now = new Date(now.getTime() + 60_000);
      const begun = await backup.begin({ header });
      if (begun.outcome !== 'started') throw new Error(begun.message);
      await backup.append({ writeId: begun.writeId, chunk: 'QUJD' });
      const finished = await backup.finish({ writeId: begun.writeId });
      if (finished.outcome !== 'written') throw new Error(finished.message);
      return finished;
    },
  };
}

const defaults = {
  keep: defaultBackupKeep,
  intervalDays: defaultBackupIntervalDays,
  folderIsDefault: true,
  untrustedMessage: untrustedSettingsMessage,
};

describe('the backup settings file', () => {
  it('is obeyed as the manager saved it, and says nothing about trust', async () => {
    const pc = await computer();
    expect(await pc.backup.getSettings()).not.toHaveProperty('untrustedMessage');
    await pc.backup.setOptions({ keep: 3, intervalDays: 14 });
    expect(await pc.backup.chooseFolder()).toMatchObject({ outcome: 'chosen' });
    await pc.backUp();
    const settings = await pc.backup.getSettings();
    expect(settings).toMatchObject({
      keep: 3,
      intervalDays: 14,
      folder: pc.networkFolder,
      folderIsDefault: false,
    });
    expect(settings).not.toHaveProperty('untrustedMessage');
    expect(settings.lastBackupAt).toBeDefined();
    expect(await pc.settingsFile()).toHaveProperty('tag', expect.stringMatching(/^[0-9a-f]{64}$/) as unknown);
    expect(await readdir(pc.networkFolder)).toHaveLength(1);
  });

  it.each([
    ['keeps one backup', { keep: 1 }],
    ['waits a month', { intervalDays: 31 }],
    ['sends backups elsewhere', { folder: 'somewhere-else' }],
    ['says a backup was made last week', { lastBackupAt: '2026-11-22T10:00:00.000Z' }],
  ])(
    'edited on disk so it %s, is not obeyed: the defaults are used and the manager is told',
    async (_, edit) => {
      const pc = await computer();
      await pc.backup.setOptions({ keep: 3, intervalDays: 14 });
      await pc.backup.chooseFolder();
      const saved = await pc.settingsFile();
      const edited = 'folder' in edit ? { folder: pc.elsewhere } : edit;
      await pc.writeSettingsFile({ ...saved, ...edited });
      const settings = await pc.backup.getSettings();
      expect(settings).toMatchObject(defaults);
      expect(settings.folder).toBe(join(pc.userData, 'backups'));
      expect(settings.lastBackupAt).toBeUndefined();
      // And a backup made now goes to this computer's own folder, never the one the file names.
      const written = await pc.backUp();
      expect(await readdir(join(pc.userData, 'backups'))).toEqual([written.fileName]);
      expect(await readdir(pc.elsewhere)).toEqual([]);
    },
  );

  it('left untagged (as older versions saved it) is not obeyed, and stays untrusted until the manager saves the schedule', async () => {
    const pc = await computer();
    await pc.writeSettingsFile({ keep: 1, intervalDays: 31, folder: pc.elsewhere });
    expect(await pc.backup.getSettings()).toMatchObject(defaults);
    // A scheduled backup made meanwhile is remembered, but does not make the settings trusted.
    const written = await pc.backUp();
    expect(await pc.backup.getSettings()).toMatchObject({ ...defaults, lastBackupFile: written.fileName });
    // Choosing the folder alone is not choosing the schedule.
    await pc.backup.chooseFolder();
    expect(await pc.backup.getSettings()).toMatchObject({
      folder: pc.networkFolder,
      untrustedMessage: untrustedSettingsMessage,
    });
    const confirmed = await pc.backup.setOptions({ keep: 5, intervalDays: 7 });
    expect(confirmed).toMatchObject({ keep: 5, intervalDays: 7, folder: pc.networkFolder });
    expect(confirmed).not.toHaveProperty('untrustedMessage');
    expect(await pc.backup.getSettings()).not.toHaveProperty('untrustedMessage');
    expect(await readdir(pc.elsewhere)).toEqual([]);
  });

  it('damaged, or tagged by a key this computer cannot open, is not obeyed either', async () => {
    const pc = await computer();
    await writeFile(join(pc.userData, 'backup-settings.json'), '{"keep": 1,');
    expect(await pc.backup.getSettings()).toMatchObject(defaults);

    await pc.backup.setOptions({ keep: 3, intervalDays: 14 });
    // The same files, read where the protected storage cannot open the main key.
    const other = createBackupService({
      settingsFolder: pc.userData,
      defaultFolder: join(pc.userData, 'backups'),
      dialogs: fixedBackupDialogs(pc.networkFolder),
      mainKey: createMainKey({ folder: pc.userData, protectedStorage: inMemoryProtectedStorage() }),
    });
    const settings = await other.getSettings();
    expect(settings).toMatchObject({ keep: defaultBackupKeep, intervalDays: defaultBackupIntervalDays });
    expect(settings.untrustedMessage).toMatch(/^The backup settings cannot be checked on this computer/);
  });
});
