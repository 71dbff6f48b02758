import { useState } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { clockTime, dayAndTime } from '@shared/home-time';
import { notSignedOutText } from './not-signed-out';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';

type Props = {
  readonly onSite: readonly VisitorEntry[] | undefined;
  readonly directory: DoorDirectory;
  readonly today: string;
  readonly timeZone: string;
  readonly onPrintFireRoll: () => void;
};

/** Everyone signed in and not yet out: the list the door works from, and the fire roll. */
export function OnSitePanel({ onSite, directory, today, timeZone, onPrintFireRoll }: Props) {
  const session = useSession();
  const visitorLog = useVisitorLog();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const signOut = async (entry: VisitorEntry) => {
    const result = await visitorLog.signOut(session, entry.id);
    setMessage(
      result.ok
        ? {
            tone: 'success',
            text: `${entry.visitorName} signed out at ${clockTime(result.value.departedAt ?? new Date().toISOString(), timeZone)}.`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <section className="panel door-on-site" aria-labelledby="door-on-site-title">
      <div className="door-on-site__heading">
        <h2 id="door-on-site-title">On site now{onSite ? ` (${onSite.length})` : ''}</h2>
        <button
          type="button"
          className="button button--secondary"
          onClick={onPrintFireRoll}
          disabled={onSite === undefined}
        >
          Print fire roll
        </button>
      </div>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {onSite === undefined ? (
        <p role="status">Loading who is on site…</p>
      ) : onSite.length === 0 ? (
        <p className="empty">No visitors are signed in.</p>
      ) : (
        <div className="door-table__scroll">
          <table className="table door-table">
            <caption className="visually-hidden">Visitors on site now</caption>
            <thead>
              <tr>
                <th scope="col">Visitor</th>
                <th scope="col">Arrived</th>
                <th scope="col">Badge</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {onSite.map((entry) => {
                const overdue = notSignedOutText(entry, today, timeZone);
                return (
                  <tr key={entry.id} className={overdue ? 'door-table__overdue' : undefined}>
                    <th scope="row">
                      {entry.visitorName}
                      {entry.organisationOrRelationship ? (
                        <span className="muted"> · {entry.organisationOrRelationship}</span>
                      ) : null}
                      <div className="door-table__visiting">
                        {entry.visitingYoungPersonIds.length > 0
                          ? `Visiting ${entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}`
                          : 'Not visiting a young person'}
                      </div>
                      {overdue ? <span className="badge badge--warn door-overdue">{overdue}</span> : null}
                    </th>
                    <td>
                      {overdue ? dayAndTime(entry.arrivedAt, timeZone) : clockTime(entry.arrivedAt, timeZone)}
                      <div className="muted">Admitted by {directory.staffName(entry.admittedById)}</div>
                    </td>
                    <td>{entry.badgeNumber || <span className="muted">None</span>}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void signOut(entry)}
                      >
                        Sign out<span className="visually-hidden"> {entry.visitorName}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
