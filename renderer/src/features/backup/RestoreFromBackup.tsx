import { useState, type FormEvent } from 'react';
import { Banner } from '../../ui/Banner';
import { useRestoreFromBackup } from './useRestoreFromBackup';
import { FormActions } from '../../ui/FormActions';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { ControlledPasswordField } from '../../ui/ControlledPasswordField';
import { SubmitForm } from '../../ui/SubmitForm';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Restores a backup into this empty install: the person picks the file in the system dialog and
 * gives a Registered Manager's username and password from when the backup was made. On success
 * the window reloads and opens the restored records (upgrading them if the backup is older).
 */
export function RestoreFromBackup({ onCancel }: { onCancel: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const { isAvailable, restore } = useRestoreFromBackup();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(username.trim() === '' ? { username: 'Enter the Registered Manager’s username.' } : {}),
      ...(password === '' ? { password: 'Enter the password they had when the backup was made.' } : {}),
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !isAvailable) return;
    setPhase({ kind: 'working', done: 0, total: 0 });
    const outcome = await restore({ username, password }, (done, total) =>
      setPhase({ kind: 'working', done, total }),
    );
    // Restored: the window is reloading, so the form stays as it is until then.
    if (outcome.kind === 'failed') setPhase(outcome);
    else if (outcome.kind === 'cancelled') setPhase({ kind: 'idle' });
  };

  return (
    <main className="page page--narrow" aria-labelledby="restore-title">
      <p className="shell__product">Family Links</p>
      <h1 id="restore-title">Restore from a backup</h1>
      <p className="lede">
        Choose a Family Links backup (a file ending in .flbackup, usually in the home’s backup folder on the
        network). A Registered Manager’s username and password from when the backup was made open it.
        Everything in it comes back: records, accounts and the audit log.
      </p>
      {!isAvailable ? (
        <Banner tone="error">
          Restoring needs the Family Links desktop app: this window cannot read files.
        </Banner>
      ) : null}
      {phase.kind === 'failed' ? <Banner tone="error">{phase.message}</Banner> : null}
      {phase.kind === 'working' ? (
        <p role="status">
          {phase.total > 0 ? `Restoring… part ${phase.done} of ${phase.total}` : 'Checking the backup…'}
        </p>
      ) : null}
      <SubmitForm label="Restore from a backup" onSubmit={submit}>
        <ControlledTextField
          label="Registered Manager’s username"
          error={errors.username}
          autoComplete="username"
          spellCheck={false}
          value={username}
          onChange={setUsername}
        />
        <ControlledPasswordField
          label="Password"
          hint="The password they had when the backup was made."
          error={errors.password}
          value={password}
          onChange={setPassword}
        />
        <FormActions
          submitLabel="Choose the backup and restore…"
          isBusy={phase.kind === 'working' || !isAvailable}
          onCancel={onCancel}
          cancelLabel="Set up a new home instead"
          isCancelDisabled={phase.kind === 'working'}
        />
      </SubmitForm>
    </main>
  );
}
