import { can } from '@shared/rules/access';
import { useSession } from '../../security/session-context';
import { useDamagedRecords } from './useDamagedRecords';
import { Panel } from '../../ui/Panel';

/**
 * The manager's count of records changed outside Family Links (found when a screen, the door or
 * a sign-in tried to open them): each is refused wherever it would have been shown, and the audit
 * log names it. Nothing shows while there are none.
 */
export function DamagedRecordsPanel() {
  const { roles } = useSession();
  const count = useDamagedRecords();
  if (!can(roles, 'audit:view') || !count) return null;
  return (
    <Panel titleId="damaged-records-title" title="Records changed outside Family Links" role="alert">
      <p>
        <strong>
          {count === 1 ? '1 record has' : `${count} records have`} been changed outside Family Links and
          cannot be trusted.
        </strong>{' '}
        Each is refused where it would have been shown, and the audit log names it. Restore the records from a
        backup taken before the change, and ask IT who had access to this computer.
      </p>
    </Panel>
  );
}
