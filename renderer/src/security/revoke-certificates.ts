import { windowApi } from '../platform/window-api';
import { callAsManager } from './manager-proof';
import type { Session } from '../db/session';

/**
 * Tells the main process to stop accepting `staffId`'s current certificates for manager-only
 * requests (their roles are out of date, or the account is off). A new certificate, from a
 * password reset or their own renewal, is accepted again. Undefined when it was done; otherwise
 * why not, in words for the audit log.
 */
export type RevokeCertificates = (
  session: Session,
  staffId: string,
  reason: 'role-removed' | 'switched-off',
) => Promise<string | undefined>;

export const revokeInMainProcess: RevokeCertificates = async (session, staffId, reason) => {
  const api = windowApi();
  // No main process (a bare browser, unit tests): it accepts no manager requests at all.
  if (!api) return undefined;
  const result = await callAsManager(api, session, 'auth:revoke-staff', { staffId, reason });
  return result.ok ? undefined : result.error.message;
};
