import { useEffect, useRef, useState } from 'react';
import { can } from '@shared/rules/access';
import {
  backupReminderText,
  backupScheduleStatus,
  shouldRunScheduledBackup,
} from '@shared/rules/backup-schedule';
import { useDatabase } from '../../db/useDatabase';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { backUpNow } from '../../db/backup/back-up-now';
import { windowBackupPort } from '../../platform/backup-port';

type PanelState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'quiet' }
  | { readonly kind: 'remind'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

/**
 * On the home screen: runs a scheduled backup when one is due (once per sign-in, in the
 * background), and reminds the manager when none has been made or one was missed or failed.
 * The schedule starts with the first backup a manager makes.
 */
export function BackupReminderPanel() {
  const db = useDatabase();
  const session = useSession();
  const [state, setState] = useState<PanelState>({ kind: 'checking' });
  const started = useRef(false);
  const isManager = can(session.roles, 'settings:manage');

  useEffect(() => {
    const port = windowBackupPort();
    if (!port || started.current) return;
    started.current = true;
    void (async () => {
      const settings = await port['backup:get-settings']({});
      if (!settings.ok) return setState({ kind: 'quiet' });
      const status = backupScheduleStatus({
        lastBackupAt: settings.value.lastBackupAt,
        intervalDays: settings.value.intervalDays,
        now: new Date(),
      });
      if (status.kind !== 'never' && shouldRunScheduledBackup(status)) {
        const result = await backUpNow(db, session, port, 'scheduled');
        if (!result.ok)
          return setState({
            kind: 'failed',
            text: `The scheduled backup could not be made. ${result.error.message}`,
          });
        return setState({ kind: 'quiet' });
      }
      const text = backupReminderText(status);
      setState(text ? { kind: 'remind', text } : { kind: 'quiet' });
    })().catch((error: unknown) => {
      console.error('The scheduled backup check failed', error);
      setState({
        kind: 'failed',
        text: 'The scheduled backup could not be checked. Open Backups to make one.',
      });
    });
  }, [db, session]);

  if (!isManager || state.kind === 'checking' || state.kind === 'quiet') return null;
  return (
    <section className="panel" aria-labelledby="backup-reminder-title">
      <h2 id="backup-reminder-title">Backups</h2>
      <p role={state.kind === 'failed' ? 'alert' : undefined}>{state.text}</p>
      <p>
        <a href={hashFor('backups')}>Go to Backups</a>
      </p>
    </section>
  );
}
