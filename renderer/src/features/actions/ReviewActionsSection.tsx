import { useState } from 'react';
import { displayName } from '@shared/display-names';
import { formActionStatus } from '@shared/rules/form-actions';
import { staffNamesById } from '../../common/staff-names';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPeople } from '../../common/useYoungPeople';
import { ActionDoneAnnouncement, ActionList } from './ActionItem';
import { bySoonestDue } from './action-order';
import { useActionsForReview } from './useActionsForReview';
import './actions.css';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';

/**
 * The review's agreed actions: for each young person the Case Co-ordinator reviews (the manager:
 * every one), how many actions agreed on filed forms are open and how many of those are overdue,
 * the most overdue first, each opening to the actions themselves.
 */
export function ReviewActionsSection() {
  const review = useActionsForReview();
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const staffNames = staffNamesById(useStaffMembers());
  const [announcement, setAnnouncement] = useState('');
  const now = new Date();
  const names = new Map((youngPeople ?? []).map((person) => [person.id, displayName(person)]));
  const rows = (review ?? [])
    .map((entry) => {
      // Soonest due first, so the most overdue lead.
      const placed = entry.open
        .map((action) => ({ action, status: formActionStatus(action, now, timeZone) }))
        .sort(bySoonestDue);
      return {
        youngPersonId: entry.youngPersonId,
        name: names.get(entry.youngPersonId) ?? 'A young person',
        placed,
        overdue: placed.filter((item) => item.status.kind === 'overdue').length,
      };
    })
    .sort(
      (a, b) => b.overdue - a.overdue || b.placed.length - a.placed.length || a.name.localeCompare(b.name),
    );

  return (
    <Panel titleId="review-actions-title" title="Agreed actions, per young person">
      <ActionDoneAnnouncement message={announcement} />
      <LoadedList
        items={review === undefined ? undefined : rows}
        loading="Counting the actions…"
        empty="No young people to show."
      >
        {() => (
          <table className="table action-review">
            <caption className="visually-hidden">Open and overdue actions per young person</caption>
            <ColumnHeads columns={['Young person', 'Open', 'Overdue', 'The actions']} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.youngPersonId}>
                  <th scope="row">{row.name}</th>
                  <td>{row.placed.length}</td>
                  <td>
                    {row.overdue > 0 ? <span className="badge badge--warn">{row.overdue}</span> : row.overdue}
                  </td>
                  <td>
                    {row.placed.length === 0 ? (
                      <span className="muted">None open</span>
                    ) : (
                      <details>
                        <summary>
                          {row.placed.length === 1
                            ? 'Show the open action'
                            : `Show the ${row.placed.length} open actions`}
                          <span className="visually-hidden"> for {row.name}</span>
                        </summary>
                        <ActionList
                          items={row.placed}
                          contextOf={(action) =>
                            `Given to ${
                              action.ownerStaffId
                                ? (staffNames.get(action.ownerStaffId) ?? 'a member of staff')
                                : action.ownerName || 'someone named on the form'
                            }`
                          }
                          timeZone={timeZone}
                          onDone={setAnnouncement}
                        />
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedList>
    </Panel>
  );
}
