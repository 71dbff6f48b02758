import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { databaseName, FamilyLinksDb, openFamilyLinksDb } from '../db/database';
import { latestSchemaVersion } from '../db/schema-versions';
import { isRestoreUnfinished } from '../db/backup/restore-backup';
import { takeRestoreNotice } from '../features/backup/restore-notice';
import { UpgradeBackupScreen } from '../features/backup/UpgradeBackupScreen';
import { olderDatabaseWithAccounts } from '../db/backup/upgrade-backup';
import { Banner } from '../ui/Banner';
import { DatabaseContext } from '../platform/database-context';

type GateState =
  | { readonly kind: 'opening' }
  | { readonly kind: 'backup-before-upgrade'; readonly old: FamilyLinksDb }
  | { readonly kind: 'interrupted-restore'; readonly db: FamilyLinksDb }
  | { readonly kind: 'open'; readonly db: FamilyLinksDb; readonly notice: string | undefined }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Opens the one database before anything else renders, and explains plainly when it cannot.
 * Records from an older version are backed up before they are upgraded; a restore that was cut
 * off part-way is found and cleared, so a half-restored install is never used.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [skipUpgradeBackup, setSkipUpgradeBackup] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    let opened: FamilyLinksDb | undefined;
    void (async () => {
      const old = skipUpgradeBackup
        ? undefined
        : await olderDatabaseWithAccounts(globalThis.indexedDB, databaseName);
      if (!isCurrent) return old?.close();
      if (old) return setState({ kind: 'backup-before-upgrade', old });
      const db = new FamilyLinksDb();
      opened = db;
      const result = await openFamilyLinksDb(db);
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

  switch (state.kind) {
    case 'opening':
      return (
        <main className="page page--narrow">
          <p role="status">Opening Family Links…</p>
        </main>
      );
    case 'backup-before-upgrade':
      return (
        <UpgradeBackupScreen
          old={state.old}
          targetVersion={latestSchemaVersion}
          onDone={(outcome) => afterUpgradeBackup(state.old, outcome)}
        />
      );
    case 'interrupted-restore':
      return (
        <main className="page page--narrow" aria-labelledby="interrupted-restore-title">
          <h1 id="interrupted-restore-title">A restore did not finish</h1>
          <p role="alert">
            Family Links was closed while it was restoring a backup, so the records here are incomplete and
            will not be used. Clear them, then restore the backup again (or set up a new home).
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void state.db.delete().then(() => window.location.reload());
            }}
          >
            Clear the unfinished restore
          </button>
        </main>
      );
    case 'failed':
      return (
        <main className="page page--narrow" aria-labelledby="open-failed-title">
          <h1 id="open-failed-title">Family Links cannot open its records</h1>
          <p role="alert">{state.message}</p>
        </main>
      );
    case 'open':
      return (
        <DatabaseContext.Provider value={state.db}>
          {state.notice ? (
            <div className="page page--narrow">
              <Banner tone="info">{state.notice}</Banner>
            </div>
          ) : null}
          {children}
        </DatabaseContext.Provider>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
