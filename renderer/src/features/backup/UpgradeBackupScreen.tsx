import { useState, type FormEvent } from 'react';
import type { FamilyLinksDb } from '../../db/database';
import { Banner } from '../../ui/Banner';
import { useBackUpBeforeUpgrade } from './useBackUpBeforeUpgrade';
import { FormActions } from '../../ui/FormActions';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { ControlledPasswordField } from '../../ui/ControlledPasswordField';
import { SubmitForm } from '../../ui/SubmitForm';

/**
 * Shown when this version of Family Links finds records from an older version: before it changes
 * them, it makes a backup. Any member of staff can do it by signing in (everyone's password opens
 * the records); the update runs only once the backup is safely written.
 */
export function UpgradeBackupScreen({
  old,
  targetVersion,
  onDone,
}: {
  old: FamilyLinksDb;
  targetVersion: number;
  onDone: (outcome: 'backed-up' | 'no-service') => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [isWorking, setIsWorking] = useState(false);
  const upgrade = useBackUpBeforeUpgrade(old);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!upgrade.isAvailable) return;
    setFailure(undefined);
    if (username.trim() === '' || password === '') return setFailure('Enter your username and password.');
    setIsWorking(true);
    try {
      const result = await upgrade.backUp({ username, password });
      if (!result) return;
      if (!result.ok)
        return setFailure(
          result.error.code === 'not-recognised' || result.error.code === 'locked'
            ? result.error.message
            : `${result.error.message} The update waits until a backup has been made.`,
        );
      onDone('backed-up');
    } finally {
      setIsWorking(false);
    }
  };

  return (
    <main className="page page--narrow" aria-labelledby="upgrade-backup-title">
      <p className="shell__product">Family Links</p>
      <h1 id="upgrade-backup-title">Family Links has been updated</h1>
      <p className="lede">
        Before this version updates the home’s records (from records version {old.verno} to {targetVersion}),
        it keeps a backup of them as they are, in the backup folder already set. Sign in to make that backup;
        then sign in again as usual. (Only the manager can change the backup folder, on the Backups screen.)
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      {!upgrade.isAvailable ? (
        <>
          <Banner tone="error">
            This window has no background service to write a backup (it is not the desktop app).
          </Banner>
          <button type="button" className="button button--secondary" onClick={() => onDone('no-service')}>
            Update without a backup
          </button>
        </>
      ) : (
        <SubmitForm label="Back up before updating" onSubmit={submit}>
          <ControlledTextField
            label="Username"
            autoComplete="username"
            spellCheck={false}
            value={username}
            onChange={setUsername}
          />
          <ControlledPasswordField label="Password" value={password} onChange={setPassword} />
          <FormActions submitLabel={isWorking ? 'Backing up…' : 'Back up and update'} isBusy={isWorking} />
        </SubmitForm>
      )}
    </main>
  );
}
