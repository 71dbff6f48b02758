import type { IpcHandlers } from '../ipc-router';
import type { AuditAnchorService } from '../services/audit-anchor';
import type { HomeAuthority } from '../services/authority/home-authority';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import type { BackupService } from '../services/backup/backup-service';
import type { PendingAuditService } from '../services/pending-audit';
import { managerOnly } from './manager-only';

type AuditChannel = Extract<keyof IpcHandlers, `audit:${string}` | `auth:${string}`>;

/** The audit anchor, failed sign-ins before anyone is signed in, and who may do what. */
export function createAuditHandlers(services: {
  readonly auditAnchor: AuditAnchorService;
  readonly pendingAudit: PendingAuditService;
  readonly homeAuthority: HomeAuthority;
  readonly proofs: ManagerProofs;
  readonly backup: BackupService;
}): Pick<IpcHandlers, AuditChannel> {
  const { auditAnchor, pendingAudit, homeAuthority, proofs, backup } = services;
  return {
    'audit:anchor-head': async (request) => ({
      ok: true,
      value: await auditAnchor.anchorHead(request.links),
    }),
    'audit:read-anchor': async () => ({ ok: true, value: await auditAnchor.readAnchor() }),
    'audit:anchor-history': async () => ({ ok: true, value: await auditAnchor.history() }),
    // A computer restored onto knows no home CA yet: it learns the one the restoring manager's proof chains to.
    'audit:rebase-anchor': managerOnly(
      proofs,
      'audit:rebase-anchor',
      async (request, manager) => ({
        ok: true,
        value: await auditAnchor.rebaseAnchor(backup.restoreRecord(request.readId), manager.name),
      }),
      { learnAuthority: true },
    ),
    'audit:seal-pending': async (request) => ({ ok: true, value: await pendingAudit.seal(request.event) }),
    'audit:check-pending': async (request) => ({ ok: true, value: await pendingAudit.check(request) }),
    'auth:challenge': () => Promise.resolve({ ok: true, value: proofs.challenge() }),
    'auth:home-authority': async () => {
      const pinned = await homeAuthority.pinned();
      return {
        ok: true,
        value:
          pinned.state === 'pinned'
            ? { state: 'pinned', fingerprint: pinned.fingerprint }
            : pinned.state === 'none'
              ? { state: 'none' }
              : { state: 'unverifiable', message: pinned.message },
      };
    },
    'auth:revoke-staff': managerOnly(proofs, 'auth:revoke-staff', async (request) => ({
      ok: true,
      value: { outcome: 'revoked', at: await homeAuthority.revoke(request.staffId) },
    })),
  };
}
