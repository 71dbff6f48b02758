import { hashFor } from '../../common/routes';
import { dayAndTime } from '@shared/home-time';
import { notSignedOutText, overrideWindowDays, useDoorAttention } from '../door';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { Panel } from '../../ui/Panel';

/** At the door: visitors never signed out on an earlier day, and restrictions overridden this week. */
export function DoorAttentionPanel() {
  const clock = useHomeClock();
  const attention = useDoorAttention(clock.today, clock.timeZone);
  const directory = useDoorDirectory();

  return (
    <Panel titleId="door-attention-title" title="At the front door">
      {attention === undefined || directory === undefined ? (
        <p role="status">Checking the visitor register…</p>
      ) : attention.notSignedOut.length === 0 &&
        attention.overrides.length === 0 &&
        attention.restrictedCorrections.length === 0 ? (
        <p className="empty">
          Every visitor from earlier days was signed out, and no restriction was overridden in the last{' '}
          {overrideWindowDays} days.
        </p>
      ) : (
        <>
          {attention.notSignedOut.length > 0 ? (
            <>
              <h3>Not signed out</h3>
              <p className="muted">
                Check whether they left, then sign them out on the <a href={hashFor('door')}>Front door</a>{' '}
                screen.
              </p>
              <ul>
                {attention.notSignedOut.map((entry) => (
                  <li key={entry.id}>
                    <strong>{entry.visitorName}</strong>, arrived{' '}
                    {dayAndTime(entry.arrivedAt, clock.timeZone)}.{' '}
                    <span className="badge badge--warn">
                      {notSignedOutText(entry, clock.today, clock.timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {attention.overrides.length > 0 ? (
            <>
              <h3>Restrictions overridden in the last {overrideWindowDays} days</h3>
              <ul>
                {attention.overrides.map((entry) => (
                  <li key={entry.id}>
                    <strong>{entry.visitorName}</strong> admitted{' '}
                    {dayAndTime(entry.arrivedAt, clock.timeZone)} by{' '}
                    {directory.staffName(entry.overriddenById)}
                    {entry.visitingYoungPersonIds.length > 0
                      ? ` to see ${entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}`
                      : ''}
                    . Reason: {entry.overrideReason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {attention.restrictedCorrections.length > 0 ? (
            <>
              <h3>Corrections that named someone restricted</h3>
              <p className="muted">
                The door did not warn about these visits at the time: check what happened and whether anyone
                needs to be told.
              </p>
              <ul>
                {attention.restrictedCorrections.map((entry) => (
                  <li key={entry.id}>
                    <strong>{entry.visitorName}</strong>, arrived{' '}
                    {dayAndTime(entry.arrivedAt, clock.timeZone)}, corrected by{' '}
                    {directory.staffName(entry.amendedById)}: {entry.amendmentReason}{' '}
                    <span className="badge badge--warn">
                      {entry.restrictionCheck === 'block' ? 'No contact allowed' : 'Contact with conditions'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Panel>
  );
}
