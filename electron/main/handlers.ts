import type { IpcHandlers } from './ipc-router';
import type { AppInfoService } from './services/app-info';
import type { AuditAnchorService } from './services/audit-anchor';
import type { BackupService } from './services/backup/backup-service';
import { createBackupHandlers } from './handlers/backup-handlers';
import { createDocumentsHandlers } from './handlers/documents-handlers';
import { createMailHandlers } from './handlers/mail-handlers';
import { createSyncHandlers } from './handlers/sync-handlers';
import type { MailService } from './services/mail/mail-service';
import type { MailClientOpener } from './services/mail/mail-client';
import type { DocumentsService } from './services/documents';
import type { SyncService } from './services/sync/sync-service';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly auditAnchor: AuditAnchorService;
  readonly backup: BackupService;
  readonly documents: DocumentsService;
  readonly mail: MailService;
  readonly mailClient: MailClientOpener;
  readonly sync: SyncService;
};

/**
 * Binds each channel of the contract to a service. Plain Node: `electron/main/index.ts` passes in
 * services built over Electron's pieces, the harness passes in the same services over test folders.
 */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...createBackupHandlers(services.backup),
    ...createDocumentsHandlers(services),
    ...createMailHandlers(services),
    ...createSyncHandlers(services.sync),
    'app:get-info': () => Promise.resolve({ ok: true, value: services.appInfo.getInfo() }),
    'audit:anchor-head': async (head) => ({ ok: true, value: await services.auditAnchor.anchorHead(head) }),
    'audit:read-anchor': async () => ({ ok: true, value: await services.auditAnchor.readAnchor() }),
    'audit:rebase-anchor': async (request) => ({
      ok: true,
      value: await services.auditAnchor.rebaseAnchor(request),
    }),
  };
}
