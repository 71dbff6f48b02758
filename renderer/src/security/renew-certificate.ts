import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../db/database';
import { rewrapForNewPassword, unlockAccount } from '../db/encryption/key-wrapping';
import { authoritySecretOf } from '../db/encryption/authority-secrets';
import { issueCredential } from '../db/encryption/signing-keys';
import { accountRepository } from '../db/repositories/account-repository';
import { homeSettingsRepository } from '../db/repositories/home-settings-repository';
import type { Session } from '../db/session';
import { windowSigningPort, type SigningPort } from '../platform/signing-port';
import { rememberProofKey } from './manager-proof';

export type RenewFailure = 'wrong-password' | 'no-authority' | 'signing-failed';

/**
 * A Registered Manager renews their own signing certificate: a new key and a certificate from the
 * home CA naming their account and current roles, valid five years from now. It is how an expired
 * certificate, one issued before certificates named roles, or one whose roles changed is replaced:
 * the main process accepts manager-only requests only from a certificate that names the role
 * (electron/main/services/authority/manager-proofs.ts). Colleagues' certificates are renewed by
 * resetting their password, which issues a new one.
 *
 * The person types their password: the new key's secret is wrapped by it (the keyring entry is
 * re-wrapped with the same password, as a password change does), and it proves it is them.
 */
export async function renewOwnCertificate(
  db: FamilyLinksDb,
  session: Session,
  password: string,
  options: { readonly signing?: SigningPort | undefined; readonly now?: Date } = {},
): Promise<Result<{ notAfter: string }, RenewFailure>> {
  const signing = options.signing ?? windowSigningPort();
  const { now } = options;
  const accounts = accountRepository(db, now ? () => now : undefined);
  const authority = await accounts.signingAuthority();
  const authoritySecret = authoritySecretOf(session);
  if (!signing || !authority || !authoritySecret)
    return fail(
      'no-authority',
      'Your account cannot open the home’s signing authority, so no certificate can be issued here. Ask another Registered Manager to reset your password: that issues you a new certificate.',
    );
  const stored = await accounts.keysOf(session.staff.id);
  const unlocked = stored ? await unlockAccount(stored, password) : undefined;
  if (!stored || !unlocked?.ok)
    return fail('wrong-password', 'That password is not right. Check Caps Lock is off and try again.', {
      password: 'This is not your password.',
    });
  const home = await homeSettingsRepository(db).get();
  const issued = await issueCredential(signing, {
    authority,
    authoritySecret,
    staff: {
      id: session.staff.id,
      name: session.staff.name,
      email: session.staff.email,
      roles: session.staff.roles,
    },
    homeName: home?.name ?? '',
  });
  if (!issued.ok) return fail('signing-failed', issued.error.message);
  const next = await rewrapForNewPassword(stored, {
    newPassword: password,
    keys: session,
    setBy: 'self',
    secrets: { ...unlocked.value.secrets, signing: issued.value },
    // The new key pair is given again what the old one held: the compartments, and the newest
    // door key (with its generation) wrapped by the password.
    grants: { account: session.staff, from: session.compartments },
  });
  const { credential } = issued.value;
  await accounts.replaceKeys(session, next, [
    {
      action: 'certificate.renewed',
      recordType: 'staff',
      recordId: session.staff.id,
      detail: `roles: ${session.staff.roles.join(', ')}; serial ${credential.serialNumber}, SHA-256 ${credential.fingerprint}, valid until ${credential.notAfter.slice(0, 10)}`,
    },
  ]);
  rememberProofKey(session, issued.value);
  return ok({ notAfter: credential.notAfter });
}
