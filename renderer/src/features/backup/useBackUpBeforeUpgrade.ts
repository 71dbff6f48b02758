import { useCallback } from 'react';
import type { FamilyLinksDb } from '../../db/database';
import { backUpBeforeUpgrade } from '../../db/backup/upgrade-backup';
import { windowBackupPort } from '../../platform/backup-port';
import { backupWritesWithKey } from '../../security/backup-writes';

/**
 * Backing up records from an older version before they are upgraded: `backUp` signs in to them
 * (counting towards the same lockout) and writes the backup, begun with the signing key that
 * person's password opens; without a bridge to the main process (a bare browser) `isAvailable` is
 * false and nothing can be backed up.
 */
export function useBackUpBeforeUpgrade(old: FamilyLinksDb) {
  const port = windowBackupPort();
  const backUp = useCallback(
    (credentials: { readonly username: string; readonly password: string }) =>
      port
        ? backUpBeforeUpgrade(old, (signing) => backupWritesWithKey(port, signing), credentials)
        : undefined,
    [old, port],
  );
  return { isAvailable: port !== undefined, backUp };
}
