import { useCallback } from 'react';
import { restoreBackup } from '../../db/backup/restore-backup';
import { useDatabase } from '../../db/useDatabase';
import { windowBackupPort } from '../../platform/backup-port';
import { rememberRestoreNotice } from './restore-notice';
import { mainProcessRebase } from '../../security/restore-anchor';

export type RestoreOutcome =
  | { readonly kind: 'restored' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Restores a backup the person picks into this empty install, opened with a Registered Manager's
 * password from when it was made. On success, and on a failure that has already replaced the
 * empty database, the window reloads (and says what happened once it has).
 */
export function useRestoreFromBackup() {
  const db = useDatabase();
  const port = windowBackupPort();
  const restore = useCallback(
    async (
      credentials: { readonly username: string; readonly password: string },
      onProgress: (done: number, total: number) => void,
    ): Promise<RestoreOutcome> => {
      if (!port) return { kind: 'cancelled' };
      const result = await restoreBackup({
        live: db,
        port,
        source: { source: 'dialog' },
        username: credentials.username,
        password: credentials.password,
        onProgress,
        rebaseAnchor: mainProcessRebase(),
      });
      if (!result.ok) {
        if (result.error.code === 'cancelled') return { kind: 'cancelled' };
        // A failure after the empty database was replaced leaves it closed: start again from scratch.
        if (!db.isOpen()) {
          rememberRestoreNotice(result.error.message);
          window.location.reload();
        }
        return { kind: 'failed', message: result.error.message };
      }
      const rows = result.value.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      // A backup made while sync was set up leaves this computer's sync state behind (restore-backup.ts).
      const sync = result.value.syncLeftBehind
        ? ' This computer was syncing with the home’s other computers when the backup was made: sync is now off here, and the other computers’ records are unchanged. A computer restored from a backup cannot join them again. If they are still in use, their records are newer than this backup: record nothing more here, and contact Family Links support.'
        : '';
      rememberRestoreNotice(
        `Restored ${rows.toLocaleString('en-GB')} records from ${result.value.fileName}.${sync} Sign in as usual.`,
      );
      window.location.reload();
      return { kind: 'restored' };
    },
    [db, port],
  );
  return { isAvailable: port !== undefined, restore };
}
