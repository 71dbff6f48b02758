import { PrintView } from '../../ui/PrintView';
import type { PrintedPaper } from '../../ui/printed-paper';
import { visitKindLabels, visitStatusLabels } from '@shared/schemas/visits';
import type { DiaryVisit } from '../../db/repositories/visit-reads';
import { formatUkDate } from '@shared/format-dates';
import { addDays, calendarDateOf, clockTime, dayAndTime } from '@shared/home-time';
import type { VisitDirectory } from './useVisitDirectory';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = PrintedPaper & {
  readonly visits: readonly DiaryVisit[];
  readonly directory: VisitDirectory;
  readonly monday: string;
};

const dayName = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** A week of visits on paper, Monday to Sunday, for the office wall: opening it asks the browser to print. */
export function VisitsPrintWeek({
  visits,
  directory,
  monday,
  clock: { homeName, timeZone },
  printedAt,
  onClose,
}: Props) {
  const days = Array.from({ length: 7 }, (_unused, index) => addDays(monday, index));

  return (
    <PrintView heading={<>Visits: {homeName}</>} backLabel="Back to the calendar" onClose={onClose}>
      <p>
        Week of {formatUkDate(monday)} to {formatUkDate(addDays(monday, 6))}. Printed{' '}
        {dayAndTime(printedAt, timeZone)}.
      </p>
      {days.map((day) => {
        const onDay = visits.filter((visit) => calendarDateOf(visit.startsAt, timeZone) === day);
        return (
          <section key={day} className="print-week__day">
            <h2>
              {dayName.format(new Date(`${day}T12:00:00Z`))} {formatUkDate(day)}
            </h2>
            {onDay.length === 0 ? (
              <p>No visits.</p>
            ) : (
              <table className="table print-view__table">
                <caption className="visually-hidden">Visits on {formatUkDate(day)}</caption>
                <ColumnHeads columns={['Time', 'Young people', 'Visit', 'Room', 'Staff', 'Status']} />
                <tbody>
                  {onDay.map((visit) => (
                    <tr key={visit.id}>
                      <td>
                        {clockTime(visit.startsAt, timeZone)}–{clockTime(visit.endsAt, timeZone)}
                      </td>
                      <td>{visit.youngPersonIds.map(directory.youngPersonName).join(', ')}</td>
                      <td>{visitKindLabels[visit.kind]}</td>
                      <td>{visit.roomId ? directory.roomName(visit.roomId) : ''}</td>
                      <td>{visit.staffIds.map(directory.staffName).join(', ')}</td>
                      <td>{visitStatusLabels[visit.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </PrintView>
  );
}
