import type { AccountKeys } from '@shared/schemas/keyring';
import type { StaffMember } from '@shared/schemas/staff';
import { keysAfterAccountChange, type AccountKeyChange } from '../db/account-key-changes';
import type { AuditEventInput } from '../db/repositories/audit-log-repository';
import type { Session } from '../db/session';
import type { RevokeCertificates } from './revoke-certificates';

/**
 * What follows from an account changing from `current` to `next`, worked out before its
 * transaction opens: the certificate a former manager held stops counting for manager-only
 * changes (in the main process, now), and the key side (`keysAfterAccountChange`: compartments
 * given or taken, every key deleted when switched off), with the audit entries for both and for
 * the change itself (`changed` lists the fields).
 */
export async function accountChangeEffects(
  session: Session,
  current: StaffMember,
  next: StaffMember,
  changed: string,
  deps: {
    readonly revokeCertificates: RevokeCertificates;
    readonly keysOf: (staffId: string) => Promise<AccountKeys | undefined>;
  },
): Promise<{ events: AuditEventInput[]; keyChange: AccountKeyChange }> {
  const id = current.id;
  // A manager switched off, or no longer a manager: their certificate names a role they no
  // longer hold, so the main process stops accepting it for manager-only changes.
  const wasManager = current.roles.includes('registeredManager');
  const revocation =
    wasManager && !next.isActive
      ? ('switched-off' as const)
      : wasManager && !next.roles.includes('registeredManager')
        ? ('role-removed' as const)
        : undefined;
  const revokeProblem = revocation ? await deps.revokeCertificates(session, id, revocation) : undefined;
  const keyChange = await keysAfterAccountChange(session, next, await deps.keysOf(id));
  const events: AuditEventInput[] = [
    { action: 'account.updated', recordType: 'staff', recordId: id, detail: `changed: ${changed}` },
    ...(revocation
      ? [
          {
            action: revokeProblem ? 'certificate.not-revoked' : 'certificate.revoked',
            recordType: 'staff',
            recordId: id,
            detail: revokeProblem ?? `${revocation}: no longer accepted for manager-only changes`,
          },
        ]
      : []),
    ...(keyChange.kind === 'revoke'
      ? [{ action: 'account.keys-deleted', recordType: 'staff', recordId: id, detail: 'switched off' }]
      : keyChange.kind === 'put'
        ? [
            {
              action: 'account.keys-regranted',
              recordType: 'staff',
              recordId: id,
              detail: `roles: ${next.roles.join(', ')}`,
            },
          ]
        : []),
  ];
  return { events, keyChange };
}
