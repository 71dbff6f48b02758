import { useState } from 'react';
import type { HomeSettings } from '@shared/schemas/home';
import { FirstRunSetup } from '../settings';
import { RestoreFromBackup } from './RestoreFromBackup';

/** First run: set up a new home, or restore one from a backup (a new computer, or after a loss). */
export function FirstRunWithRestore({ existingHome }: { existingHome: HomeSettings | undefined }) {
  const [isRestoring, setIsRestoring] = useState(false);
  if (isRestoring) return <RestoreFromBackup onCancel={() => setIsRestoring(false)} />;
  return (
    <>
      <aside className="page page--narrow first-run-restore" aria-labelledby="first-run-restore-title">
        <h2 id="first-run-restore-title">Moving to a new computer, or starting again after a loss?</h2>
        <p>
          If the home already uses Family Links, restore its records from a backup instead of setting up a new
          home.
        </p>
        <button type="button" className="button button--secondary" onClick={() => setIsRestoring(true)}>
          Restore from a backup…
        </button>
      </aside>
      <FirstRunSetup existingHome={existingHome} />
    </>
  );
}
