import { fail, type Result } from '@shared/result';
import { signInGate } from '@shared/rules/sign-in-lockout';
import type { FamilyLinksDb } from '../database';
import type { AccountSecrets } from '../encryption/key-wrapping';
import { createRecordCipher } from '../encryption/record-cipher';
import { unlockAccount } from '../encryption/key-wrapping';
import { accountRepository } from '../repositories/account-repository';
import { staffRepository } from '../repositories/staff-repository';
import { backUpNow } from './back-up-now';
import type { BackupWritePort } from '../../platform/backup-port';
import type { BackupWriteFailureCode, BackupWritten } from './write-backup';

/**
 * Anyone with an account unlocks the older records with their password (every account holds the
 * data key) and a backup is written, reason `before-upgrade`, before anything is changed. Wrong
 * passwords count towards the same lockout as signing in (five in fifteen minutes lock the
 * account for five), and are left for the audit log like failed sign-ins; only the account's
 * keyring record and the pending audit are written, which the upgrade carries over unchanged.
 *
 * The main process begins a backup only with a proof from a certificate the home's CA issued, so
 * `writesWith` opens the signing key the password unwrapped (a layer that may make proofs:
 * security/backup-writes.ts). An account with no signing key is told whose can.
 */
export async function backUpBeforeUpgrade(
  old: FamilyLinksDb,
  writesWith: (signing: NonNullable<AccountSecrets['signing']>) => Promise<BackupWritePort | undefined>,
  credentials: { readonly username: string; readonly password: string },
  now: Date = new Date(),
): Promise<Result<BackupWritten, 'not-recognised' | 'locked' | 'no-signing-key' | BackupWriteFailureCode>> {
  const notRecognised = fail(
    'not-recognised' as const,
    'That username and password do not match an account. Check them and try again.',
  );
  const accounts = accountRepository(old, () => now);
  const login = await staffRepository(old).findLogin(credentials.username);
  const keys = login ? await accounts.keysOf(login.id) : undefined;
  if (!login || !keys) return notRecognised;
  const { failedAttempts, lockedUntil } = keys;
  const gate = signInGate({ failedAttempts, ...(lockedUntil ? { lockedUntil } : {}) }, now);
  if (gate.kind === 'locked')
    return fail('locked', `${gate.message} The manager can reset the password if it has been forgotten.`);
  const unlocked = await unlockAccount(keys, credentials.password);
  if (!unlocked.ok) {
    const outcome = await accounts.countWrongPassword(keys, now, 'before-upgrade backup');
    if (outcome.kind === 'counted') return notRecognised;
    return fail(
      'locked',
      'Too many wrong passwords: this account is now locked for 5 minutes. The manager can reset the password if it has been forgotten.',
    );
  }
  const { signing } = unlocked.value.secrets;
  const port = signing ? await writesWith(signing) : undefined;
  if (!port) return fail('no-signing-key', await noSigningKeyMessage(old, login.id));
  return backUpNow(
    old,
    {
      dataKey: unlocked.value.keys.dataKey,
      auditKey: unlocked.value.keys.auditKey,
      // The door key's generation too: the backup is sealed under the newest the password opens.
      compartments: unlocked.value.compartments,
      cipher: createRecordCipher(unlocked.value.keys.dataKey, unlocked.value.compartments),
      staff: { id: login.id },
    },
    port,
    'before-upgrade',
    now,
  );
}

/**
 * Who can make the backup instead: the usernames of the other active accounts whose keyring holds
 * a signing key (plain fields of the records, readable before anyone is signed in).
 */
async function noSigningKeyMessage(old: FamilyLinksDb, staffId: string): Promise<string> {
  const withKeys = new Set(
    (await old.accountKeys.toArray())
      .filter((row) => row.staffId !== staffId && row.signingKey !== undefined)
      .map((row) => row.staffId),
  );
  const usernames = (await old.staff.toArray())
    .filter((member) => member.isActive && withKeys.has(member.id))
    .map((member) => member.username)
    .sort();
  const cannot = 'Your account has no signing certificate, so it cannot make this backup.';
  if (usernames.length === 0)
    return `${cannot} No other account in these records has one either, so the backup cannot be made on this computer.`;
  const shown = usernames.slice(0, 5).join(', ');
  return `${cannot} Ask one of these colleagues to sign in here and make it: ${shown}${usernames.length > 5 ? ', and others' : ''}.`;
}
