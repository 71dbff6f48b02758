import { useState, type FormEvent, type ReactNode } from 'react';
import { backupKeptDays } from '@shared/rules/backup-retention';
import { backupScheduleStatus } from '@shared/rules/backup-schedule';
import { dayAndTime } from '@shared/home-time';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { Banner } from '../../ui/Banner';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { useBackups } from './useBackups';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { TaskButton } from '../../ui/TaskButton';
import { Panel } from '../../ui/Panel';

const reasonLabels = {
  manual: 'Made by hand',
  scheduled: 'Scheduled',
  'before-upgrade': 'Before an update',
} as const;

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A panel of the screen: how things stand, and the one thing to do about it. Its button is off
 * while any backup work runs, so two cannot overlap.
 */
function ActionPanel({
  titleId,
  title,
  children,
  actionLabel,
  isSecondary = false,
  isWorking,
  onAction,
}: {
  readonly titleId: string;
  readonly title: string;
  /** How things stand, in a sentence or two. */
  readonly children: ReactNode;
  readonly actionLabel: string;
  readonly isSecondary?: boolean;
  readonly isWorking: boolean;
  readonly onAction: () => Promise<void>;
}) {
  return (
    <Panel titleId={titleId} title={title}>
      <p>{children}</p>
      <TaskButton isSecondary={isSecondary} isDisabled={isWorking} onRun={onAction}>
        {actionLabel}
      </TaskButton>
    </Panel>
  );
}

/** The manager's backups: where they go, how often, how many are kept, and a backup now. */
export function BackupScreen() {
  const backups = useBackups();
  const timeZone = useHomeTimeZone();
  const { settings } = backups;
  if (!backups.isAvailable) {
    return (
      <div className="page page--narrow">
        <h1>Backups</h1>
        <Banner tone="error">
          Backups need the Family Links desktop app: this window has no background service to write files.
        </Banner>
      </div>
    );
  }
  const status = settings
    ? backupScheduleStatus({
        lastBackupAt: settings.lastBackupAt,
        intervalDays: settings.intervalDays,
        now: new Date(),
      })
    : undefined;
  return (
    <div className="page page--narrow">
      <h1>Backups</h1>
      <p className="lede">
        A backup holds every record, encrypted: only a Registered Manager’s password from the time it was made
        opens it. Keep backups on a network folder, so they survive if this computer does not.
      </p>
      {backups.message ? <Banner tone={backups.message.tone}>{backups.message.text}</Banner> : null}
      {settings?.untrustedMessage ? <Banner tone="error">{settings.untrustedMessage}</Banner> : null}
      <ActionPanel
        titleId="backup-now-title"
        title="Back up now"
        actionLabel={backups.isWorking ? 'Backing up…' : 'Back up now'}
        isWorking={backups.isWorking}
        onAction={backups.backUp}
      >
        {settings?.lastBackupAt
          ? `Last backup: ${dayAndTime(settings.lastBackupAt, timeZone)}.`
          : 'No backup has been made yet.'}{' '}
        {status?.kind === 'upToDate'
          ? `The next is due ${dayAndTime(status.nextDueAt, timeZone)}.`
          : status && status.kind !== 'never'
            ? 'One is due now.'
            : ''}
      </ActionPanel>
      <ActionPanel
        titleId="backup-folder-title"
        title="Where backups are kept"
        actionLabel="Choose folder…"
        isSecondary
        isWorking={backups.isWorking}
        onAction={backups.chooseFolder}
      >
        <code>{settings?.folder ?? '…'}</code>
        {settings?.folderIsDefault ? ' (on this computer: choose a network folder if you can)' : ''}
      </ActionPanel>
      {settings ? (
        <ScheduleForm
          key={`${settings.keep}-${settings.intervalDays}`}
          keep={settings.keep}
          intervalDays={settings.intervalDays}
          onSave={backups.saveOptions}
          disabled={backups.isWorking}
        />
      ) : null}
      <Panel titleId="backup-files-title" title="Backups in the folder">
        {backups.listProblem ? <Banner tone="error">{backups.listProblem}</Banner> : null}
        {backups.files === undefined ? (
          <p role="status">Looking in the folder…</p>
        ) : backups.files.length === 0 ? (
          <p className="empty">There are no backups in this folder yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Backups, newest first</caption>
            <ColumnHeads columns={['Made', 'Why', 'Size', 'File']} />
            <tbody>
              {backups.files.map((file) => (
                <tr key={file.fileName}>
                  <td>{file.createdAt ? dayAndTime(file.createdAt, timeZone) : 'Unknown'}</td>
                  <td>{file.reason ? reasonLabels[file.reason] : 'Unknown'}</td>
                  <td>{sizeText(file.sizeBytes)}</td>
                  <td>{file.fileName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}

/** The number typed, if it is a whole number from 1 to `most`; otherwise undefined. */
function wholeNumberUpTo(typed: string, most: number): number | undefined {
  const number = Number(typed);
  return Number.isInteger(number) && number >= 1 && number <= most ? number : undefined;
}

/** What "Backups to keep" means, in the figures as typed (shared/rules/backup-retention.ts). */
function keepHint(keep: string, interval: string): string {
  const keepNumber = wholeNumberUpTo(keep, 100);
  const intervalNumber = wholeNumberUpTo(interval, 31);
  const span =
    keepNumber === undefined || intervalNumber === undefined
      ? 'as many days as the schedule takes to make that many'
      : `${backupKeptDays({ keep: keepNumber, intervalDays: intervalNumber })} days`;
  return `Older ones are removed from the folder when a new one is made, but none before it is ${span} old, however many are made meanwhile.`;
}

function ScheduleForm(props: {
  keep: number;
  intervalDays: number;
  disabled: boolean;
  onSave: (keep: number, intervalDays: number) => Promise<void>;
}) {
  const [keep, setKeep] = useState(String(props.keep));
  const [interval, setInterval] = useState(String(props.intervalDays));
  const [errors, setErrors] = useState<{ keep?: string; interval?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keepNumber = wholeNumberUpTo(keep, 100);
    const intervalNumber = wholeNumberUpTo(interval, 31);
    setErrors({
      ...(keepNumber === undefined ? { keep: 'Enter a whole number from 1 to 100.' } : {}),
      ...(intervalNumber === undefined ? { interval: 'Enter a whole number of days from 1 to 31.' } : {}),
    });
    if (keepNumber !== undefined && intervalNumber !== undefined)
      void props.onSave(keepNumber, intervalNumber);
  };
  return (
    <Panel titleId="backup-schedule-title" title="Schedule">
      <form onSubmit={submit} noValidate>
        <ControlledTextField
          label="Back up every (days)"
          hint="Weekly (7) unless you choose otherwise. A backup due is made the next time someone signs in."
          error={errors.interval}
          inputMode="numeric"
          value={interval}
          onChange={setInterval}
        />
        <ControlledTextField
          label="Backups to keep"
          hint={keepHint(keep, interval)}
          error={errors.keep}
          inputMode="numeric"
          value={keep}
          onChange={setKeep}
        />
        <button type="submit" className="button button--secondary" disabled={props.disabled}>
          Save schedule
        </button>
      </form>
    </Panel>
  );
}
