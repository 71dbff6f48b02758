import { useCallback, useEffect, useState } from 'react';
import { databaseName, FamilyLinksDb, installedNativeVersion, openFamilyLinksDb } from '../db/database';
import { isRestoreUnfinished, olderDatabaseWithAccounts } from '../db/backup/database-at-start';
import { latestSchemaVersion } from '../db/schema-versions';
import { takeRestoreNotice } from '../features/backup/restore-notice';

export type GateState =
  | { readonly kind: 'opening' }
  | { readonly kind: 'backup-before-upgrade'; readonly old: FamilyLinksDb }
  | { readonly kind: 'interrupted-restore'; readonly db: FamilyLinksDb }
  | { readonly kind: 'open'; readonly db: FamilyLinksDb; readonly notice: string | undefined }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Opens the one database: records from an older version are found first (to be backed up before
 * they are upgraded), and a restore that was cut off part-way is found, so a half-restored install
 * is never used.
 */
export function useOpenedDatabase() {
  const [state, setState] = useState<GateState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [skipUpgradeBackup, setSkipUpgradeBackup] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    let opened: FamilyLinksDb | undefined;
    void (async () => {
      // Asked once, for both checks: each question is a round trip out of the page.
      const installed = { version: await installedNativeVersion(globalThis.indexedDB, databaseName) };
      const old = skipUpgradeBackup
        ? undefined
        : await olderDatabaseWithAccounts(globalThis.indexedDB, databaseName, installed);
      if (!isCurrent) return old?.close();
      if (old) return setState({ kind: 'backup-before-upgrade', old });
      const db = new FamilyLinksDb();
      opened = db;
      const result = await openFamilyLinksDb(db, installed);
      if (!isCurrent) return;
      if (!result.ok) return setState({ kind: 'failed', message: result.error.message });
      if (await isRestoreUnfinished(db)) return setState({ kind: 'interrupted-restore', db });
      setState({ kind: 'open', db, notice: takeRestoreNotice() });
    })().catch((error: unknown) => {
      console.error('Opening the records failed', error);
      if (isCurrent)
        setState({
          kind: 'failed',
          message:
            'Family Links could not open its records on this computer. Close other Family Links windows and try again.',
        });
    });
    return () => {
      isCurrent = false;
      opened?.close();
    };
  }, [attempt, skipUpgradeBackup]);

  const afterUpgradeBackup = useCallback((old: FamilyLinksDb, outcome: 'backed-up' | 'no-service') => {
    old.close();
    if (outcome === 'no-service') setSkipUpgradeBackup(true);
    else setAttempt((count) => count + 1);
  }, []);

  /** Clears the records a cut-off restore left, then starts again from an empty install. */
  const clearUnfinishedRestore = useCallback((db: FamilyLinksDb) => {
    void db.delete().then(() => window.location.reload());
  }, []);

  return { state, afterUpgradeBackup, clearUnfinishedRestore, targetVersion: latestSchemaVersion };
}
