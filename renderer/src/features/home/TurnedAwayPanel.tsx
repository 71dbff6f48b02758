import { can } from '@shared/rules/access';
import { hashFor } from '../../common/routes';
import { turnedAwayReference } from '@shared/rules/visitor-entry-reference';
import { useSession } from '../../security/session-context';
import { dayAndTime } from '@shared/home-time';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { checkLabelOf } from '../../common/visitor-check-labels';
import { turnedAwayWindowDays, useTurnedAwayRecently } from './useTurnedAwayRecently';
import { Panel } from '../../ui/Panel';

/**
 * The manager's count of visitors turned away at the front door this week (DESIGN rule 6: "a
 * person turned away is recorded too"), each a link to its entry in the visitor register.
 */
export function TurnedAwayPanel() {
  const { roles } = useSession();
  const clock = useHomeClock();
  const turnedAway = useTurnedAwayRecently(clock.today, clock.timeZone);
  const directory = useDoorDirectory();
  if (!can(roles, 'restriction:override')) return null;

  const count = turnedAway?.length ?? 0;
  return (
    <Panel titleId="turned-away-title" title="Visitors turned away">
      {turnedAway === undefined || directory === undefined ? (
        <p role="status">Checking the visitor register…</p>
      ) : count === 0 ? (
        <p className="empty">Nobody was turned away in the last {turnedAwayWindowDays} days.</p>
      ) : (
        <>
          <p>
            <strong>
              {count === 1 ? '1 visitor' : `${count} visitors`} turned away in the last {turnedAwayWindowDays}{' '}
              days.
            </strong>
          </p>
          <ul>
            {turnedAway.map((entry) => (
              <li key={entry.id}>
                <a href={hashFor('register', entry.id)}>
                  {entry.visitorName}, {dayAndTime(entry.arrivedAt, clock.timeZone)}
                </a>{' '}
                (ref {turnedAwayReference(entry.id)}), by {directory.staffName(entry.admittedById)}
                {entry.visitingYoungPersonIds.length > 0
                  ? `, asking for ${entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}`
                  : ''}
                . {checkLabelOf(entry)}.{entry.turnedAwayNote ? ` Note: ${entry.turnedAwayNote}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
