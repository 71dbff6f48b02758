import { visitKindLabels, visitStatusLabels } from '@shared/schemas/visits';
import type { DiaryVisit } from '../../db/repositories/visit-reads';
import { describeSlot } from '@shared/rules/visit-conflicts';
import type { VisitDirectory } from './useVisitDirectory';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = {
  readonly visits: readonly DiaryVisit[];
  readonly directory: VisitDirectory;
  readonly timeZone: string;
  readonly caption: string;
  readonly onOpen: (visit: DiaryVisit) => void;
};

/** The visits the calendar shows, as a table: every visit reachable by keyboard and read in order by a screen reader. */
export function VisitsTable({ visits, directory, timeZone, caption, onOpen }: Props) {
  if (visits.length === 0) return <p>No visits in this period.</p>;
  return (
    <table className="table visits-table">
      <caption>{caption}</caption>
      <ColumnHeads
        columns={['When', 'Young people', 'Visit', 'Room', 'Status']}
        hasActions
        actionsHeading="Open"
      />
      <tbody>
        {visits.map((visit) => (
          <tr key={visit.id}>
            <td>{describeSlot(visit, timeZone)}</td>
            <td>{visit.youngPersonIds.map(directory.youngPersonName).join(', ')}</td>
            <td>{visitKindLabels[visit.kind]}</td>
            <td>{visit.roomId ? directory.roomName(visit.roomId) : ''}</td>
            <td>{visitStatusLabels[visit.status]}</td>
            <td>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onOpen(visit)}
                aria-label={`Open ${visitKindLabels[visit.kind].toLowerCase()}, ${describeSlot(visit, timeZone)}`}
              >
                Open
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
