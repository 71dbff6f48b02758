import { mkdtempSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntryUrl } from '../../../electron/main/app-origin';
import { createBackupHandlers } from '../../../electron/main/handlers/backup-handlers';
import { createIpcRouter, type IpcHandlers } from '../../../electron/main/ipc-router';
import {
  createBackupService,
  type BackupService,
  type BackupServiceOptions,
} from '../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../electron/main/services/backup/fixed-dialogs';
import { inMemoryProtectedStorage } from '../../../electron/main/services/mail/in-memory-protected-storage';
import { createTrustServices } from '../../../electron/main/services/trust-services';
import { buildApi } from '../../../shared/ipc/client';

/**
 * The write channels for tests of the renderer's writer, with the begin handed to the service
 * directly instead of through its proof: making a certificate for every such test would only slow
 * them. The channel itself refuses a begin without a proof
 * (tests/unit/electron/handlers/backup-handlers.test.ts), and the e2e journeys go through it.
 */
function unprovenWrites(service: BackupService, api: ReturnType<typeof buildApi>) {
  return {
    begin: async (header: Parameters<BackupService['begin']>[0]['header']) => ({
      ok: true as const,
      value: await service.begin({ header }),
    }),
    'backup:append': api['backup:append'],
    'backup:finish': api['backup:finish'],
    'backup:abort': api['backup:abort'],
  };
}

/**
 * Used by tests/unit/renderer/db/backup (loaded at run time: that project's types have no Node).
 * The real backup service over a temporary folder, reached through the real contract, router and
 * client (the same path as window.api), with the file system swappable for fault tests.
 */
export function backupRig(overrides: Partial<BackupServiceOptions> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'family-links-backup-test-'));
  const folder = join(root, 'backups');
  // Only the backup channels are called here; the others are never reached. Folder and options
  // are the manager's (tests/unit/electron/handlers/manager-only.test.ts); set them with the service here.
  const trust = createTrustServices({
    folder: join(root, 'user-data'),
    protectedStorage: inMemoryProtectedStorage(),
  });
  const mainKey = overrides.mainKey ?? trust.mainKey;
  const service = createBackupService({
    settingsFolder: join(root, 'user-data'),
    defaultFolder: folder,
    dialogs: fixedBackupDialogs(folder),
    mainKey,
    ...overrides,
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
    writes: unprovenWrites(service, api),
    /** The writes of a second service over the same folders, with its own clock. */
    writesAt: (when: string) =>
      backupRig({
        settingsFolder: join(root, 'user-data'),
        defaultFolder: folder,
        mainKey,
        now: () => new Date(when),
      }).writes,
    list: async () => (await readdir(folder).catch(() => [] as string[])).sort(),
    read: (name: string) => readFile(join(folder, name)).then((bytes) => new Uint8Array(bytes)),
    write: (name: string, bytes: Uint8Array | string) => writeFile(join(folder, name), bytes),
    setKeep: (keep: number) => service.setOptions({ keep, intervalDays: 7 }),
  };
}
