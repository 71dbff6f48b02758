import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcContract } from '../../../shared/ipc/contract';
import { appEntryUrl, isAppUrl } from '../../../electron/main/app-origin';
import { createIpcHandlers } from '../../../electron/main/handlers';
import { createIpcRouter } from '../../../electron/main/ipc-router';
import { createAppInfoService } from '../../../electron/main/services/app-info';
import { createAuditAnchorService } from '../../../electron/main/services/audit-anchor';
import { createBackupService } from '../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../electron/main/services/backup/fixed-dialogs';
import { createDocumentsService } from '../../../electron/main/services/documents';
import { fixedDocumentDialogs } from '../../../electron/main/services/fixed-document-dialogs';
import { createMailService } from '../../../electron/main/services/mail/mail-service';
import { createSyncService } from '../../../electron/main/services/sync/sync-service';
import { createMailClientOpener } from '../../../electron/main/services/mail/mail-client';
import { inMemoryProtectedStorage } from '../../../electron/main/services/mail/in-memory-protected-storage';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real contract, the real handlers and the real router, wired as electron/main/index.ts wires
// them (minus Electron itself).
function realRouter() {
  const appInfo = createAppInfoService({
    name: 'Family Links',
    version: '0.1.0',
    runtime: 'electron',
    platform: 'linux',
    versions: { node: '22.0.0', chrome: '142.0.0.0', electron: '45.4.1' },
  });
  const log = vi.fn<(message: string, detail?: unknown) => void>();
  const auditAnchor = createAuditAnchorService({
    folder: mkdtempSync(join(tmpdir(), 'family-links-handlers-')),
  });
  const backupRoot = mkdtempSync(join(tmpdir(), 'family-links-handlers-backup-'));
  const backup = createBackupService({
    settingsFolder: backupRoot,
    defaultFolder: join(backupRoot, 'backups'),
    dialogs: fixedBackupDialogs(join(backupRoot, 'chosen')),
  });
  const documentsRoot = mkdtempSync(join(tmpdir(), 'family-links-handlers-documents-'));
  const documents = createDocumentsService({
    settingsFolder: documentsRoot,
    fontsFolder: join(process.cwd(), 'resources', 'fonts'),
    dialogs: fixedDocumentDialogs(documentsRoot),
  });
  const mail = createMailService({
    folder: mkdtempSync(join(tmpdir(), 'family-links-handlers-mail-')),
    protectedStorage: inMemoryProtectedStorage(),
  });
  const mailClient = createMailClientOpener(() => Promise.resolve());
  const sync = createSyncService({
    folder: mkdtempSync(join(tmpdir(), 'family-links-handlers-sync-')),
    protectedStorage: inMemoryProtectedStorage(),
  });
  const handlers = createIpcHandlers({ appInfo, auditAnchor, backup, documents, mail, mailClient, sync });
  return {
    handlers,
    log,
    router: createIpcRouter(handlers, { isTrustedSender: (sender) => isAppUrl(sender.url), log }),
  };
}

describe('the main process handles every channel of the contract', () => {
  it('has exactly one handler per channel', () => {
    const { handlers } = realRouter();
    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort());
    expect(ipcChannels.length).toBeGreaterThan(0);
  });

  it('answers app:get-info within its contract', async () => {
    const { router, log } = realRouter();
    const result = await router.dispatch('app:get-info', {}, { url: appEntryUrl });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Family Links',
        version: '0.1.0',
        runtime: 'electron',
      }) as unknown,
    });
    if (result.ok) expect(ipcContract['app:get-info'].reply.safeParse(result.value).success).toBe(true);
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses app:get-info with anything in its request', async () => {
    const { router } = realRouter();
    const result = await router.dispatch('app:get-info', { includeSecrets: true }, { url: appEntryUrl });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
