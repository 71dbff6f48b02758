import { PrintView } from '../../ui/PrintView';
import type { PrintedPaper } from '../../ui/printed-paper';
import { formatUkDate } from '@shared/format-dates';
import type { VisitorEntry } from '@shared/schemas/registers';
import { dayAndTime } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { checkLabelOf } from '../../common/visitor-check-labels';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { entryColumns } from './entry-columns';
import { leftText } from './left-text';

type Props = PrintedPaper & {
  readonly entries: readonly VisitorEntry[];
  readonly directory: DoorDirectory;
  readonly from: string;
  readonly to: string;
};

/** The register for a period, as paper: opening it asks the browser to print (door.css hides the app's frame). */
export function RegisterPrintView({
  entries,
  directory,
  clock: { homeName, timeZone },
  from,
  to,
  printedAt,
  onClose,
}: Props) {
  const period = from === to ? formatUkDate(from) : `${formatUkDate(from)} to ${formatUkDate(to)}`;

  return (
    <PrintView heading={<>Visitor register: {homeName}</>} backLabel="Back to the register" onClose={onClose}>
      <p>
        {period}. Printed {dayAndTime(printedAt, timeZone)}.{' '}
        {entries.length === 1 ? '1 visit' : `${entries.length} visits`}.
      </p>
      <table className="table print-view__table">
        <caption className="visually-hidden">Visitor register, {period}</caption>
        <ColumnHeads columns={[...entryColumns, 'Admitted or turned away by', 'Check']} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                {entry.visitorName}
                {entry.amendsEntryId ? ' (amended)' : ''}
              </th>
              <td>{dayAndTime(entry.arrivedAt, timeZone)}</td>
              <td>{leftText(entry, timeZone)}</td>
              <td>{entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ')}</td>
              <td>{entry.reason}</td>
              <td>{entry.badgeNumber}</td>
              <td>{directory.staffName(entry.admittedById)}</td>
              <td>
                {checkLabelOf(entry)}
                {entry.admittedUnder.length > 0
                  ? `: ${entry.admittedUnder.map((item) => item.condition).join(' ')}`
                  : ''}
                {entry.turnedAwayNote ? ` Note: ${entry.turnedAwayNote}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintView>
  );
}
