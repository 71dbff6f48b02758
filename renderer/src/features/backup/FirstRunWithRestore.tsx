import { useState } from 'react';
import type { HomeSettings } from '@shared/schemas/home';
import { FirstRunSetup } from '../settings';
import { JoinHomeScreen } from '../sync';
import { RestoreFromBackup } from './RestoreFromBackup';

/**
 * First run, in the order people need it: setting up a new home first (what almost everyone
 * opening the app for the first time is doing), then joining the home's other computers through
 * its sync server, then restoring one from a backup (a new computer, or after a loss). A computer
 * that started joining stays on joining until it has finished.
 */
export function FirstRunWithRestore({
  existingHome,
  wasJoining = false,
}: {
  existingHome: HomeSettings | undefined;
  wasJoining?: boolean;
}) {
  const [isRestoring, setIsRestoring] = useState(false);
  const [isJoining, setIsJoining] = useState(false);
  if (isJoining || wasJoining)
    return <JoinHomeScreen wasJoining={wasJoining && !isJoining} onCancel={() => setIsJoining(false)} />;
  if (isRestoring) return <RestoreFromBackup onCancel={() => setIsRestoring(false)} />;
  return (
    <>
      <FirstRunSetup existingHome={existingHome} />
      <aside className="page page--narrow first-run-restore" aria-labelledby="first-run-join-title">
        <h2 id="first-run-join-title">Join this home’s computers</h2>
        <p>
          Does the home already use Family Links on another computer, with a sync server? Join it with the
          pairing code the manager gives you, and this computer will hold the same records.
        </p>
        <button type="button" className="button button--secondary" onClick={() => setIsJoining(true)}>
          Join this home’s computers…
        </button>
      </aside>
      <aside className="page page--narrow first-run-restore" aria-labelledby="first-run-restore-title">
        <h2 id="first-run-restore-title">Restore from a backup</h2>
        <p>
          Moving to a new computer, or starting again after a loss? If the home already uses Family Links,
          restore its records from a backup instead of setting up a new home.
        </p>
        <p>
          If the home’s computers sync with a server and one of them is still in use, join them instead: a
          computer restored from a backup cannot join them afterwards.
        </p>
        <button type="button" className="button button--secondary" onClick={() => setIsRestoring(true)}>
          Restore from a backup…
        </button>
      </aside>
    </>
  );
}
