import { lazy, Suspense, type ReactNode } from 'react';
import { Banner } from '../ui/Banner';
import { DatabaseContext } from '../platform/database-context';
import { useOpenedDatabase } from './useOpenedDatabase';
import { ScreenLoading } from './ScreenLoading';

// Needed only on the first start after an update, so it stays out of the first chunk.
const UpgradeBackupScreen = lazy(() =>
  import('../features/backup/UpgradeBackupScreen').then((module) => ({
    default: module.UpgradeBackupScreen,
  })),
);

/**
 * Opens the one database before anything else renders, and explains plainly when it cannot.
 * Records from an older version are backed up before they are upgraded; a restore that was cut
 * off part-way is found and cleared, so a half-restored install is never used.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { state, afterUpgradeBackup, clearUnfinishedRestore, targetVersion } = useOpenedDatabase();

  switch (state.kind) {
    case 'opening':
      return (
        <main className="page page--narrow">
          <p role="status">Opening Family Links…</p>
        </main>
      );
    case 'backup-before-upgrade':
      return (
        <Suspense fallback={<ScreenLoading />}>
          <UpgradeBackupScreen
            old={state.old}
            targetVersion={targetVersion}
            onDone={(outcome) => afterUpgradeBackup(state.old, outcome)}
          />
        </Suspense>
      );
    case 'interrupted-restore':
      return (
        <main className="page page--narrow" aria-labelledby="interrupted-restore-title">
          <h1 id="interrupted-restore-title">A restore did not finish</h1>
          <p role="alert">
            Family Links was closed while it was restoring a backup, so the records here are incomplete and
            will not be used. Clear them, then restore the backup again (or set up a new home).
          </p>
          <button type="button" className="button" onClick={() => clearUnfinishedRestore(state.db)}>
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
