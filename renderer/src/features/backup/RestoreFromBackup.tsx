import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { windowBackupPort } from '../../platform/backup-port';
import { restoreBackup } from '../../db/backup/restore-backup';
import { rememberRestoreNotice } from './restore-notice';

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
  const db = useDatabase();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const port = windowBackupPort();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(username.trim() === '' ? { username: 'Enter the Registered Manager’s username.' } : {}),
      ...(password === '' ? { password: 'Enter the password they had when the backup was made.' } : {}),
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !port) return;
    setPhase({ kind: 'working', done: 0, total: 0 });
    const result = await restoreBackup({
      live: db,
      port,
      source: { source: 'dialog' },
      username,
      password,
      onProgress: (done, total) => setPhase({ kind: 'working', done, total }),
    });
    if (!result.ok) {
      if (result.error.code === 'cancelled') return setPhase({ kind: 'idle' });
      setPhase({ kind: 'failed', message: result.error.message });
      // A failure after the empty database was replaced leaves it closed: start again from scratch.
      if (db.isOpen()) return;
      rememberRestoreNotice(result.error.message);
      window.location.reload();
      return;
    }
    const rows = result.value.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    rememberRestoreNotice(
      `Restored ${rows.toLocaleString('en-GB')} records from ${result.value.fileName}. Sign in as usual.`,
    );
    window.location.reload();
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
      {!port ? (
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
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="form"
        aria-label="Restore from a backup"
      >
        <Field label="Registered Manager’s username" error={errors.username}>
          {(wiring) => (
            <TextInput
              {...wiring}
              autoComplete="username"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          hint="The password they had when the backup was made."
          error={errors.password}
        >
          {(wiring) => (
            <TextInput
              {...wiring}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={phase.kind === 'working' || !port}>
            Choose the backup and restore…
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={phase.kind === 'working'}
            onClick={onCancel}
          >
            Set up a new home instead
          </button>
        </div>
      </form>
    </main>
  );
}
