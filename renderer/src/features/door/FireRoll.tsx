import { useEffect, useRef } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { calendarDateOf, clockTime, dayAndTime } from './door-time';
import type { DoorDirectory } from './useDoorDirectory';

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
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasPrinted = useRef(false);
  useEffect(() => {
    headingRef.current?.focus();
    // Once per opening, even where React runs effects twice (StrictMode in development).
    if (hasPrinted.current) return;
    hasPrinted.current = true;
    window.print();
  }, []);

  return (
    <div className="print-view">
      <div className="print-view__controls">
        <button type="button" className="button" onClick={() => window.print()}>
          Print again
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back to the front door
        </button>
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        Fire roll: {homeName}
      </h1>
      <p>
        Printed {dayAndTime(printedAt, timeZone)}. {onSite.length === 1 ? '1 visitor' : `${onSite.length} visitors`} on site.
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
              <td>{calendarDateOf(entry.arrivedAt, timeZone) === calendarDateOf(printedAt, timeZone) ? clockTime(entry.arrivedAt, timeZone) : dayAndTime(entry.arrivedAt, timeZone)}</td>
              <td>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {onSite.length === 0 ? <p>No visitors are signed in.</p> : null}
    </div>
  );
}
