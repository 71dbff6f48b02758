import type { SignerInput } from '@shared/ipc/channels/signing';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../db/database';
import { unlockAccount } from '../db/encryption/key-wrapping';
import { accountRepository } from '../db/repositories/account-repository';
import { secretPassphrase } from '../db/encryption/signing-keys';
import type { Session } from '../db/session';

export type UnlockSignerFailure = 'wrong-password' | 'no-certificate';

/**
 * The signed-in person's signing key, ready for a signing channel (`signer` in contact-form:file
 * and documents:sign-report), after they typed their password again: signing is a deliberate act
 * (the signer types their password again), so the secret is never kept in the session.
 * Use the result for one call and drop it.
 */
export async function unlockSigner(
  db: FamilyLinksDb,
  session: Session,
  password: string,
): Promise<Result<SignerInput, UnlockSignerFailure>> {
  const stored = await accountRepository(db).keysOf(session.staff.id);
  if (!stored)
    return fail(
      'no-certificate',
      'Your account’s keys cannot be read, so nothing can be signed. Ask the manager for help.',
    );
  const unlocked = await unlockAccount(stored, password);
  if (!unlocked.ok)
    return fail(
      'wrong-password',
      'That password is not right, so nothing was signed. Check Caps Lock is off and try again.',
      { password: 'This is not your password.' },
    );
  const signing = unlocked.value.secrets.signing;
  if (!signing)
    return fail(
      'no-certificate',
      'You do not have a signing certificate yet, so nothing was signed. Ask the Registered Manager to reset your password: that issues you one.',
    );
  return ok({
    credential: {
      encryptedKey: signing.credential.encryptedKey,
      certificateChainPem: signing.credential.certificateChainPem,
    },
    secret: await secretPassphrase(signing.secret),
  });
}
