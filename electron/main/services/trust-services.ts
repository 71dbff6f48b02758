import { createAuditAnchorService } from './audit-anchor';
import { createHomeAuthority } from './authority/home-authority';
import { createManagerProofs } from './authority/manager-proofs';
import type { ProtectedStorage } from './mail/protected-storage';
import { createMainKey } from './main-key';
import { createPendingAuditService } from './pending-audit';
import type { ClockAndLog } from './clock-and-log';

/**
 * What the main process keeps to check the page rather than believe it: its own key, the audit
 * anchor, the failed sign-ins it stamped, the home CA it trusts and the manager proofs it checks.
 * One factory, so the app (electron/main/index.ts) and the end-to-end harness build them alike.
 */
export function createTrustServices(
  options: ClockAndLog & {
    readonly folder: string;
    readonly protectedStorage: ProtectedStorage;
  },
) {
  const common = {
    folder: options.folder,
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  const mainKey = createMainKey({ ...common, protectedStorage: options.protectedStorage });
  const auditAnchor = createAuditAnchorService({ ...common, mainKey });
  const homeAuthority = createHomeAuthority({
    ...common,
    mainKey,
    isBeforeFirstHome: async () => (await auditAnchor.readAnchor()).anchor.state === 'none',
  });
  return {
    mainKey,
    homeAuthority,
    auditAnchor,
    pendingAudit: createPendingAuditService({ ...common, mainKey }),
    proofs: createManagerProofs({
      authority: homeAuthority,
      ...(options.now ? { now: options.now } : {}),
      ...(options.log ? { log: options.log } : {}),
    }),
  };
}
