import { can } from '@shared/rules/access';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { useScheduledBackup } from './useScheduledBackup';
import { Panel } from '../../ui/Panel';

/**
 * On the home screen: runs a scheduled backup when one is due (once per sign-in, in the
 * background), and reminds the manager when none has been made or one was missed or failed.
 * The schedule starts with the first backup a manager makes.
 */
export function BackupReminderPanel() {
  const session = useSession();
  const state = useScheduledBackup();
  const isManager = can(session.roles, 'settings:manage');

  if (!isManager || state.kind === 'checking' || state.kind === 'quiet') return null;
  return (
    <Panel titleId="backup-reminder-title" title="Backups">
      <p role={state.kind === 'failed' ? 'alert' : undefined}>{state.text}</p>
      <p>
        <a href={hashFor('backups')}>Go to Backups</a>
      </p>
    </Panel>
  );
}
