import type { AccountSecrets } from '../db/encryption/key-wrapping';
import type { Session } from '../db/session';
import type { BackupPort, BackupWritePort } from '../platform/backup-port';
import { callAsColleague, callWithProofKey, openProofKey } from './manager-proof';

/**
 * Ways to write a backup whose `backup:begin` carries a proof the main process checks itself
 * (electron/main/handlers/backup-handlers.ts): a backup counts towards how many are kept, so the
 * main process begins one only for someone signed in with a certificate from the home's CA.
 */

/** Begun as whoever is signed in: the scheduled and manual backups. */
export function backupWritesAs(port: BackupPort, session: Session): BackupWritePort {
  return {
    begin: (header) => callAsColleague(port, session, 'backup:begin', { header }),
    'backup:append': port['backup:append'],
    'backup:finish': port['backup:finish'],
    'backup:abort': port['backup:abort'],
  };
}

/**
 * Begun with the signing key of the account whose password was just typed, before anyone is
 * signed in (the backup before an update): undefined when the key cannot be opened.
 */
export async function backupWritesWithKey(
  port: BackupPort,
  signing: NonNullable<AccountSecrets['signing']>,
): Promise<BackupWritePort | undefined> {
  const proofKey = await openProofKey(signing);
  if (!proofKey) return undefined;
  return {
    begin: (header) => callWithProofKey(port, proofKey, 'backup:begin', { header }),
    'backup:append': port['backup:append'],
    'backup:finish': port['backup:finish'],
    'backup:abort': port['backup:abort'],
  };
}
