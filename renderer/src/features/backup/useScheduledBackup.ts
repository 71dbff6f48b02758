import { useEffect, useRef, useState } from 'react';
import {
  backupReminderText,
  backupScheduleStatus,
  shouldRunScheduledBackup,
} from '@shared/rules/backup-schedule';
import { backUpNow } from '../../db/backup/back-up-now';
import { backupWritesAs } from '../../security/backup-writes';
import { useDatabase } from '../../db/useDatabase';
import { windowBackupPort } from '../../platform/backup-port';
import { useSession } from '../../security/session-context';

export type PanelState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'quiet' }
  | { readonly kind: 'remind'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

/**
 * Runs a scheduled backup when one is due (once per sign-in, in the background, whoever signs
 * in), and says what the manager should know: nothing, a reminder, a backup that failed, or
 * backup settings that were changed outside the app and need choosing again.
 */
export function useScheduledBackup(): PanelState {
  const db = useDatabase();
  const session = useSession();
  const [state, setState] = useState<PanelState>({ kind: 'checking' });
  const started = useRef(false);

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
      // Settings changed outside the app are the manager's to choose again, whatever else is said.
      const { untrustedMessage } = settings.value;
      if (status.kind !== 'never' && shouldRunScheduledBackup(status)) {
        const result = await backUpNow(db, session, backupWritesAs(port, session), 'scheduled');
        if (!result.ok)
          return setState({
            kind: 'failed',
            text: `The scheduled backup could not be made. ${result.error.message}${untrustedMessage ? ` ${untrustedMessage}` : ''}`,
          });
        return setState(untrustedMessage ? { kind: 'failed', text: untrustedMessage } : { kind: 'quiet' });
      }
      if (untrustedMessage) return setState({ kind: 'failed', text: untrustedMessage });
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
  return state;
}
