import { fail, type Result } from '@shared/result';
import { signInGate } from '@shared/rules/sign-in-lockout';
import type { FamilyLinksDb } from '../database';
import { createRecordCipher } from '../encryption/record-cipher';
import { unlockAccount } from '../encryption/key-wrapping';
import { accountRepository } from '../repositories/account-repository';
import { staffRepository } from '../repositories/staff-repository';
import { backUpNow } from './back-up-now';
import type { BackupPort } from '../../platform/backup-port';
import type { BackupWriteFailureCode, BackupWritten } from './write-backup';

/**
 * Anyone with an account unlocks the older records with their password (every account holds the
 * data key) and a backup is written, reason `before-upgrade`, before anything is changed. Wrong
 * passwords count towards the same lockout as signing in (five in fifteen minutes lock the
 * account for five), and are left for the audit log like failed sign-ins; only the account's
 * keyring record and the pending audit are written, which the upgrade carries over unchanged.
 */
export async function backUpBeforeUpgrade(
  old: FamilyLinksDb,
  port: BackupPort,
  credentials: { readonly username: string; readonly password: string },
  now: Date = new Date(),
): Promise<Result<BackupWritten, 'not-recognised' | 'locked' | BackupWriteFailureCode>> {
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
