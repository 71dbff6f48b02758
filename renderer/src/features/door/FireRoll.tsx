import { PrintView } from '../../ui/PrintView';
import type { VisitorEntry } from '@shared/schemas/registers';
import { calendarDateOf, clockTime, dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';

type Props = {
  readonly onSite: readonly VisitorEntry[];
  readonly directory: DoorDirectory;
  readonly homeName: string;
  readonly timeZone: string;
  /** When the roll was made: it is only true for that moment. */
  readonly printedAt: string;
  readonly onClose: () => void;
};

/**
 * The fire roll: who is on site, to check off at the assembly point. Only what that needs: names,
 * badges, arrival times and whom they are visiting. Opening it asks the browser to print; the
 * print styles (door.css) hide the app's frame and these buttons.
 */
export function FireRoll({ onSite, directory, homeName, timeZone, printedAt, onClose }: Props) {
  return (
    <PrintView heading={<>Fire roll: {homeName}</>} backLabel="Back to the front door" onClose={onClose}>
      <p>
        Printed {dayAndTime(printedAt, timeZone)}.{' '}
        {onSite.length === 1 ? '1 visitor' : `${onSite.length} visitors`} on site.
      </p>
      <table className="table print-view__table">
        <caption className="visually-hidden">Visitors on site</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Badge</th>
            <th scope="col">Arrived</th>
            <th scope="col">Visiting</th>
          </tr>
        </thead>
        <tbody>
          {onSite.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{entry.visitorName}</th>
              <td>{entry.badgeNumber}</td>
              <td>
                {calendarDateOf(entry.arrivedAt, timeZone) === calendarDateOf(printedAt, timeZone)
                  ? clockTime(entry.arrivedAt, timeZone)
                  : dayAndTime(entry.arrivedAt, timeZone)}
              </td>
              <td>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onSite.length === 0 ? <p>No visitors are signed in.</p> : null}
    </PrintView>
  );
}
