import type { Result } from '@shared/result';
import type { BackupReason } from '@shared/schemas/backup';
import { firstGeneration } from '@shared/schemas/key-rotation';
import type { FamilyLinksDb } from '../database';
import { currentGeneration, type CompartmentKeys } from '../encryption/compartment-keys';
import { recordWriter } from '../record-writer';
import type { Author } from '../session';
import type { BackupWritePort } from '../../platform/backup-port';
import { writeBackup, type BackupWriteFailureCode, type BackupWritten } from './write-backup';

/** The app's version for the backup's header (what wrote it). */
export const appVersionForBackups = '0.1.0';

/**
 * A backup, then its audit entry ("backup made", the file's name): the entry comes after, so it is
 * never inside the backup it describes. A failed backup is audited too, with its reason.
 */
export async function backUpNow(
  db: FamilyLinksDb,
  keys: { readonly dataKey: CryptoKey; readonly compartments?: CompartmentKeys } & Author,
  port: BackupWritePort,
  reason: BackupReason,
  now: Date = new Date(),
): Promise<Result<BackupWritten, BackupWriteFailureCode>> {
  const result = await writeBackup(db, keys.dataKey, port, {
    reason,
    appVersion: appVersionForBackups,
    now,
    doorGeneration: keys.compartments ? currentGeneration(keys.compartments, 'door') : firstGeneration,
  });
  const event = result.ok
    ? {
        action: 'backup.made',
        recordType: 'backup',
        recordId: result.value.fileName,
        detail: `${reason}; ${result.value.manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows`,
      }
    : { action: 'backup.failed', recordType: 'backup', detail: `${reason}; ${result.error.code}` };
  await recordWriter(db).write(keys, { at: now, events: [event] });
  return result;
}
