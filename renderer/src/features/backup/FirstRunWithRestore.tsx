import { useState } from 'react';
import type { HomeSettings } from '@shared/schemas/home';
import { FirstRunSetup } from '../settings';
import { RestoreFromBackup } from './RestoreFromBackup';

/**
 * First run, in the order people need it: setting up a new home first (what almost everyone
 * opening the app for the first time is doing), then restoring one from a backup (a new
 * computer, or after a loss).
 */
export function FirstRunWithRestore({ existingHome }: { existingHome: HomeSettings | undefined }) {
  const [isRestoring, setIsRestoring] = useState(false);
  if (isRestoring) return <RestoreFromBackup onCancel={() => setIsRestoring(false)} />;
  return (
    <>
      <FirstRunSetup existingHome={existingHome} />
      <aside className="page page--narrow first-run-restore" aria-labelledby="first-run-restore-title">
        <h2 id="first-run-restore-title">Restore from a backup</h2>
        <p>
          Moving to a new computer, or starting again after a loss? If the home already uses Family Links,
          restore its records from a backup instead of setting up a new home.
        </p>
        <button type="button" className="button button--secondary" onClick={() => setIsRestoring(true)}>
          Restore from a backup…
        </button>
      </aside>
    </>
  );
}
