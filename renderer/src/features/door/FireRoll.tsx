import { PrintView } from '../../ui/PrintView';
import type { PrintedPaper } from '../../ui/printed-paper';
import type { VisitorEntry } from '@shared/schemas/registers';
import { calendarDateOf, clockTime, dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { ConditionMark } from './ConditionMark';
import { visitorConditions } from './visitor-conditions';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = PrintedPaper & {
  readonly onSite: readonly VisitorEntry[];
  readonly directory: DoorDirectory;
};

/**
 * The fire roll: who is on site, to check off at the assembly point. Only what that needs: names,
 * badges, arrival times, whom they are visiting, and any condition they were admitted under (a
 * visitor who must be supervised, or must not leave with a young person, matters most in an
 * evacuation). Opening it asks the browser to print; the print styles (door.css) hide the app's
 * frame and these buttons.
 */
export function FireRoll({ onSite, directory, clock: { homeName, timeZone }, printedAt, onClose }: Props) {
  return (
    <PrintView heading={<>Fire roll: {homeName}</>} backLabel="Back to the front door" onClose={onClose}>
      <p>
        Printed {dayAndTime(printedAt, timeZone)}.{' '}
        {onSite.length === 1 ? '1 visitor' : `${onSite.length} visitors`} on site.
      </p>
      <table className="table print-view__table">
        <caption className="visually-hidden">Visitors on site</caption>
        <ColumnHeads columns={['Name', 'Badge', 'Arrived', 'Visiting', 'Conditions']} />
        <tbody>
          {onSite.map((entry) => {
            const conditions = visitorConditions(entry, directory.staffName);
            return (
              <tr key={entry.id}>
                <th scope="row">{entry.visitorName}</th>
                <td>{entry.badgeNumber}</td>
                <td>
                  {calendarDateOf(entry.arrivedAt, timeZone) === calendarDateOf(printedAt, timeZone)
                    ? clockTime(entry.arrivedAt, timeZone)
                    : dayAndTime(entry.arrivedAt, timeZone)}
                </td>
                <td>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}</td>
                <td>{conditions ? <ConditionMark conditions={conditions} /> : 'None'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {onSite.length === 0 ? <p>No visitors are signed in.</p> : null}
    </PrintView>
  );
}
