import type { IpcHandlers } from './ipc-router';
import type { AppInfoService } from './services/app-info';
import type { AuditAnchorService } from './services/audit-anchor';
import type { HomeAuthority } from './services/authority/home-authority';
import type { ManagerProofs } from './services/authority/manager-proofs';
import type { BackupService } from './services/backup/backup-service';
import { createAuditHandlers } from './handlers/audit-handlers';
import { createBackupHandlers } from './handlers/backup-handlers';
import { createDocumentsHandlers } from './handlers/documents-handlers';
import { createMailHandlers } from './handlers/mail-handlers';
import { createSyncHandlers } from './handlers/sync-handlers';
import type { MailService } from './services/mail/mail-service';
import type { MailClientOpener } from './services/mail/mail-client';
import type { DocumentsService } from './services/documents';
import type { SyncService } from './services/sync/sync-service';
import type { PendingAuditService } from './services/pending-audit';

export type MainServices = {
  readonly appInfo: AppInfoService;
  readonly auditAnchor: AuditAnchorService;
  readonly pendingAudit: PendingAuditService;
  readonly homeAuthority: HomeAuthority;
  readonly proofs: ManagerProofs;
  readonly backup: BackupService;
  readonly documents: DocumentsService;
  readonly mail: MailService;
  readonly mailClient: MailClientOpener;
  readonly sync: SyncService;
};

/**
 * Binds each channel of the contract to a service. Plain Node: `electron/main/index.ts` passes in
 * services built over Electron's pieces, the harness passes in the same services over test folders.
 * Manager-only channels go through `managerOnly` (handlers/manager-only.ts), which checks the
 * request's proof before the service sees it.
 */
export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    ...createAuditHandlers(services),
    ...createBackupHandlers(services.backup, services.proofs),
    ...createDocumentsHandlers(services),
    ...createMailHandlers(services),
    ...createSyncHandlers(services.sync, services.proofs, services.homeAuthority),
    'app:get-info': () => Promise.resolve({ ok: true, value: services.appInfo.getInfo() }),
  };
}
