import type { YoungPerson } from '@shared/schemas/people';
import { displayName } from '@shared/display-names';
import { hashFor } from '../../common/routes';
import { ageOn } from './age';
import { placementDates } from './placement-dates';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { EditDetailsCell } from './EditDetailsCell';

type Props = {
  readonly youngPeople: readonly YoungPerson[];
  readonly staffNames: ReadonlyMap<string, string>;
  readonly today: string;
  /** Given only to those who may change young people's details. */
  readonly onEdit: ((youngPerson: YoungPerson) => void) | undefined;
};

function StaffName({ id, names }: { id: string | undefined; names: ReadonlyMap<string, string> }) {
  const name = id ? names.get(id) : undefined;
  return name ? <>{name}</> : <span className="muted">Not set</span>;
}

/** Everyone placed at the home; each name opens the young person's page. */
export function YoungPeopleTable({ youngPeople, staffNames, today, onEdit }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Young people placed at the home</caption>
      <ColumnHeads
        columns={[
          'Name',
          'Case number',
          'Age',
          'Placement',
          'Personal Tutor',
          'Case Co-ordinator',
          'Learning Mentor',
        ]}
        hasActions={Boolean(onEdit)}
      />
      <tbody>
        {youngPeople.map((youngPerson) => {
          const name = displayName(youngPerson);
          return (
            <tr key={youngPerson.id}>
              <th scope="row">
                <a href={hashFor('young-people', youngPerson.id)}>{name}</a>
              </th>
              <td>{youngPerson.caseNumber}</td>
              <td>{ageOn(youngPerson.dateOfBirth, today)}</td>
              <td>{placementDates(youngPerson)}</td>
              <td>
                <StaffName id={youngPerson.personalTutorId} names={staffNames} />
              </td>
              <td>
                <StaffName id={youngPerson.caseCoordinatorId} names={staffNames} />
              </td>
              <td>
                <StaffName id={youngPerson.learningMentorId} names={staffNames} />
              </td>
              <EditDetailsCell name={name} entry={youngPerson} onEdit={onEdit} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
