import { Fragment, useState } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { calendarDateOf, clockTime, dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { turnedAwayReference } from '@shared/rules/visitor-entry-reference';
import { EntryVersions } from './EntryVersions';
import { checkLabelOf } from '../../common/visitor-check-labels';
import { protocolAnswerText } from '@shared/rules/visiting-protocol';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { entryColumns } from './entry-columns';
import { leftText } from './left-text';

type Props = {
  readonly entries: readonly VisitorEntry[];
  readonly directory: DoorDirectory;
  readonly timeZone: string;
  readonly onCorrect: (entry: VisitorEntry) => void;
  /** An entry opened from a link (the home screen's turned-away list): marked in the table. */
  readonly highlightId?: string | undefined;
};

/** When they left: the time if the same day as they arrived, else the day too. */
function leftOnTheDay(entry: VisitorEntry, timeZone: string): string {
  return leftText(entry, timeZone, {
    time: (departedAt) =>
      calendarDateOf(departedAt, timeZone) === calendarDateOf(entry.arrivedAt, timeZone)
        ? clockTime(departedAt, timeZone)
        : dayAndTime(departedAt, timeZone),
  });
}

/** The register for a period, one line per visit (its latest version); a corrected line opens to show every version. */
export function RegisterTable({ entries, directory, timeZone, onCorrect, highlightId }: Props) {
  const [openId, setOpenId] = useState<string | undefined>();
  return (
    <table className="table register-table">
      <caption className="visually-hidden">Visitor register entries, earliest first</caption>
      <ColumnHeads
        columns={[...entryColumns, 'ID checked', 'Admitted or turned away by', 'Restriction check']}
        hasActions
      />
      <tbody>
        {entries.map((entry) => {
          const isOpen = openId === entry.id;
          const versionsId = `versions-${entry.id}`;
          return (
            <Fragment key={entry.id}>
              <tr
                className={
                  [
                    entry.kind === 'turnedAway' ? 'register-row--turned-away' : '',
                    highlightId === entry.id ? 'register-row--opened' : '',
                  ]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              >
                <th scope="row">
                  {entry.visitorName}
                  {entry.organisationOrRelationship ? (
                    <span className="muted"> · {entry.organisationOrRelationship}</span>
                  ) : null}
                  {entry.protocol ? (
                    <div className={entry.protocol.outcome === 'declined' ? 'badge badge--warn' : 'muted'}>
                      Visiting protocol:{' '}
                      {protocolAnswerText(
                        entry.protocol,
                        directory.staffName(entry.protocol.staffId),
                        timeZone,
                      )}
                    </div>
                  ) : null}
                  {entry.kind === 'turnedAway' ? (
                    <div>
                      <span className="badge badge--warn">Turned away</span>{' '}
                      <span className="muted">Ref {turnedAwayReference(entry.id)}</span>
                    </div>
                  ) : null}
                  {entry.amendsEntryId ? (
                    <div>
                      <button
                        type="button"
                        className="badge register-amended"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? versionsId : undefined}
                        onClick={() => setOpenId(isOpen ? undefined : entry.id)}
                      >
                        Amended
                        <span className="visually-hidden">
                          : {isOpen ? 'hide' : 'show'} every version of {entry.visitorName}’s entry
                        </span>
                      </button>
                    </div>
                  ) : null}
                </th>
                <td>{dayAndTime(entry.arrivedAt, timeZone)}</td>
                <td>{leftOnTheDay(entry, timeZone)}</td>
                <td>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}</td>
                <td>{entry.reason}</td>
                <td>{entry.badgeNumber}</td>
                <td>{entry.isIdChecked ? 'Yes' : 'No'}</td>
                <td>{directory.staffName(entry.admittedById)}</td>
                <td>
                  <span
                    className={
                      entry.restrictionCheck === 'clear' && entry.kind === 'visit'
                        ? undefined
                        : 'badge badge--warn'
                    }
                  >
                    {checkLabelOf(entry)}
                  </span>
                  {entry.admittedUnder.length > 0 ? (
                    <div>{entry.admittedUnder.map((item) => item.condition).join(' ')}</div>
                  ) : null}
                  {entry.idCheckedNotRestrictionIds.length > 0 ? (
                    <div className="muted">ID checked: not the restricted person whose name is close.</div>
                  ) : null}
                  {entry.turnedAwayNote ? <div>Note: {entry.turnedAwayNote}</div> : null}
                  {entry.supervisingStaffId ? (
                    <div className="muted">Supervised by {directory.staffName(entry.supervisingStaffId)}</div>
                  ) : null}
                  {entry.overrideReason ? <div className="muted">Reason: {entry.overrideReason}</div> : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onCorrect(entry)}
                  >
                    Correct this entry<span className="visually-hidden"> for {entry.visitorName}</span>
                  </button>
                </td>
              </tr>
              {isOpen ? (
                <tr id={versionsId}>
                  <td colSpan={10}>
                    <EntryVersions entryId={entry.id} directory={directory} timeZone={timeZone} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
