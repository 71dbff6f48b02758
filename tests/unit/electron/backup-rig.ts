import { mkdtempSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntryUrl } from '../../../electron/main/app-origin';
import { createBackupHandlers } from '../../../electron/main/handlers/backup-handlers';
import { createIpcRouter, type IpcHandlers } from '../../../electron/main/ipc-router';
import {
  createBackupService,
  type BackupServiceOptions,
} from '../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../electron/main/services/backup/fixed-dialogs';
import { inMemoryProtectedStorage } from '../../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../../electron/main/services/trust-services';
import { buildApi } from '../../../shared/ipc/client';

/**
 * Used by tests/unit/renderer/db/backup (loaded at run time: that project's types have no Node).
 * The real backup service over a temporary folder, reached through the real contract, router and
 * client (the same path as window.api), with the file system swappable for fault tests.
 */
export function backupRig(overrides: Partial<BackupServiceOptions> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'family-links-backup-test-'));
  const folder = join(root, 'backups');
  const service = createBackupService({
    settingsFolder: join(root, 'user-data'),
    defaultFolder: folder,
    dialogs: fixedBackupDialogs(folder),
    ...overrides,
  });
  // Only the backup channels are called here; the others are never reached. Folder and options
  // are the manager's (tests/unit/electron/handlers/manager-only.test.ts); set them with the service here.
  const trust = createTrustServices({
    folder: join(root, 'user-data'),
    protectedStorage: inMemoryProtectedStorage(),
  });
  const router = createIpcRouter(createBackupHandlers(service, trust.proofs) as IpcHandlers, {
    isTrustedSender: () => true,
    log: () => undefined,
  });
  const api = buildApi(
    (channel, request) => router.dispatch(channel, request, { url: appEntryUrl }),
    () => () => undefined,
  );
  return {
    root,
    folder,
    service,
    port: api,
    /** A second service over the same folders, with its own clock. */
    at: (when: string) =>
      backupRig({ settingsFolder: join(root, 'user-data'), defaultFolder: folder, now: () => new Date(when) })
        .port,
    list: async () => (await readdir(folder).catch(() => [] as string[])).sort(),
    read: (name: string) => readFile(join(folder, name)).then((bytes) => new Uint8Array(bytes)),
    write: (name: string, bytes: Uint8Array | string) => writeFile(join(folder, name), bytes),
    setKeep: (keep: number) => service.setOptions({ keep, intervalDays: 7 }),
  };
}
