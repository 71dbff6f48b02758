import { useRef, useState } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { clockTime, dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';
import { ConditionMark } from './ConditionMark';
import { notSignedOutText } from './not-signed-out';
import { RecentlySignedOut } from './RecentlySignedOut';
import { visitorConditions } from './visitor-conditions';
import { signedOutMessage } from './signed-out-message';
import { CommunicationNote } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';

type Props = {
  readonly onSite: readonly VisitorEntry[] | undefined;
  readonly directory: DoorDirectory;
  readonly today: string;
  readonly timeZone: string;
  readonly onPrintBadge: (entry: VisitorEntry) => void;
  readonly onPrintFireRoll: () => void;
  readonly onOpenHandover: () => void;
};

/**
 * Everyone signed in and not yet out: the list the door works from. Each visitor admitted under a
 * condition carries it in words, large enough to read from across the room. Each has their own
 * "Print badge for <name>" and "Sign <name> out", well away from the app's own "Sign out"; one
 * signed out by mistake can be put back for 2 minutes.
 */
export function OnSitePanel({
  onSite,
  directory,
  today,
  timeZone,
  onPrintBadge,
  onPrintFireRoll,
  onOpenHandover,
}: Props) {
  // A registered visitor's language, interpreter and access needs, to greet them as they need.
  const communicationOfVisitor = (personId: string | undefined) => {
    const person = personId ? directory.people.find((candidate) => candidate.id === personId) : undefined;
    return person ? communicationLine(person) : undefined;
  };
  const session = useSession();
  const visitorLog = useVisitorLog();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  // A second press on the same button while the first is saving does nothing.
  const busy = useRef(new Set<string>());

  const once = async (id: string, action: () => Promise<void>) => {
    if (busy.current.has(id)) return;
    busy.current.add(id);
    try {
      await action();
    } finally {
      busy.current.delete(id);
    }
  };

  const signOut = (entry: VisitorEntry) =>
    once(entry.id, async () => {
      const result = await visitorLog.leave(session, entry.id);
      setMessage(
        result.ok ? signedOutMessage(result.value, timeZone) : { tone: 'error', text: result.error.message },
      );
    });

  const putBack = (entry: VisitorEntry) =>
    once(entry.id, async () => {
      const result = await visitorLog.undoSignOut(session, entry.id);
      setMessage(
        result.ok
          ? {
              tone: 'success',
              text: `${entry.visitorName} is back on site. The register keeps the correction.`,
            }
          : { tone: 'error', text: result.error.message },
      );
    });

  return (
    <section className="panel door-on-site" aria-labelledby="door-on-site-title">
      <div className="door-on-site__heading">
        <h2 id="door-on-site-title">On site now{onSite ? ` (${onSite.length})` : ''}</h2>
        <div className="door-on-site__tools">
          <button
            type="button"
            className="button button--secondary"
            onClick={onPrintFireRoll}
            disabled={onSite === undefined}
          >
            Print fire roll
          </button>
          <button type="button" className="button button--secondary" onClick={onOpenHandover}>
            Handover list
          </button>
        </div>
      </div>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {onSite === undefined ? (
        <p role="status">Loading who is on site…</p>
      ) : onSite.length === 0 ? (
        <p className="empty">No visitors are signed in.</p>
      ) : (
        <ul className="door-visitors" aria-label="Visitors on site now">
          {onSite.map((entry) => {
            const overdue = notSignedOutText(entry, today, timeZone);
            const conditions = visitorConditions(entry, directory.staffName);
            return (
              <li key={entry.id} className={overdue ? 'door-visitor door-visitor--overdue' : 'door-visitor'}>
                <div className="door-visitor__who">
                  <h3 className="door-visitor__name">{entry.visitorName}</h3>
                  {entry.organisationOrRelationship ? (
                    <p className="door-visitor__org">{entry.organisationOrRelationship}</p>
                  ) : null}
                  <CommunicationNote text={communicationOfVisitor(entry.personId)} name={entry.visitorName} />
                  <p>
                    {entry.visitingYoungPersonIds.length > 0
                      ? `Visiting ${entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}`
                      : 'Not visiting a young person'}
                  </p>
                  <p className="muted">
                    Arrived{' '}
                    {overdue ? dayAndTime(entry.arrivedAt, timeZone) : clockTime(entry.arrivedAt, timeZone)}
                    {entry.badgeNumber ? `, badge ${entry.badgeNumber}` : ', no badge'}. Admitted by{' '}
                    {directory.staffName(entry.admittedById)}.
                  </p>
                  {overdue ? <span className="badge badge--warn door-overdue">{overdue}</span> : null}
                  {entry.protocol?.outcome === 'declined' ? (
                    <p className="door-protocol-declined">
                      <strong>Declined the visiting protocol</strong> (version {entry.protocol.version}). The
                      Registered Manager decides what that means for their visits.
                    </p>
                  ) : null}
                </div>
                {conditions ? <ConditionMark conditions={conditions} /> : null}
                <div className="door-visitor__actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => onPrintBadge(entry)}
                  >
                    Print badge for {entry.visitorName}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void signOut(entry)}
                  >
                    Sign {entry.visitorName} out
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <RecentlySignedOut timeZone={timeZone} onPutBack={(entry) => void putBack(entry)} />
    </section>
  );
}
