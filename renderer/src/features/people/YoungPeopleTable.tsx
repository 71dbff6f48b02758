import type { YoungPerson } from '@shared/schemas/people';
import { displayName } from '@shared/display-names';
import { hashFor } from '../../common/routes';
import { ageOn } from './age';
import { placementDates } from './placement-dates';

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
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Case number</th>
          <th scope="col">Age</th>
          <th scope="col">Placement</th>
          <th scope="col">Personal Tutor</th>
          <th scope="col">Case Co-ordinator</th>
          <th scope="col">Learning Mentor</th>
          {onEdit ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
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
              {onEdit ? (
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={`Edit ${name}’s details`}
                    onClick={() => onEdit(youngPerson)}
                  >
                    Edit
                  </button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
