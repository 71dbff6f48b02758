import { PrintView } from '../../ui/PrintView';
import { ColumnHeads } from '../../ui/ColumnHeads';

export type ChronologyPrintout = {
  readonly heading: string;
  /** What the chronology was narrowed to, in words. */
  readonly showing: string;
  readonly lines: readonly (readonly [string, string, string])[];
};

/** The chronology on paper: every line the filters asked for, opened, in one table, newest first. */
export function ChronologyPrintView({
  printout,
  onClose,
}: {
  readonly printout: ChronologyPrintout;
  readonly onClose: () => void;
}) {
  return (
    <PrintView heading={printout.heading} backLabel="Back to the young person’s page" onClose={onClose}>
      <p>
        Showing: {printout.showing}. {printout.lines.length}{' '}
        {printout.lines.length === 1 ? 'entry' : 'entries'}, newest first.
      </p>
      <table className="table print-view__table">
        <caption className="visually-hidden">{printout.heading}</caption>
        <ColumnHeads columns={['When', 'What', 'Details']} />
        <tbody>
          {printout.lines.map(([when, what, details], index) => (
            <tr key={index}>
              <td>{when}</td>
              <td>{what}</td>
              <td>{details}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintView>
  );
}
