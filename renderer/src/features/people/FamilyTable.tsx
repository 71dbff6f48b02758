import { relationshipCategoryLabels } from '@shared/schemas/people';
import { displayPersonName } from '@shared/display-names';
import { hashFor } from '../../common/routes';
import { useFamilyOf } from '../../common/useFamilyOf';
import { CommunicationNote } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';
import { ColumnHeads } from '../../ui/ColumnHeads';

/** A young person's family and significant people, how each is related to them and how they communicate. */
export function FamilyTable({
  youngPersonId,
  youngPersonName,
}: {
  youngPersonId: string;
  youngPersonName: string;
}) {
  const family = useFamilyOf(youngPersonId);
  return (
    <section aria-labelledby="family-title">
      <h2 id="family-title">Family and significant people</h2>
      {family === undefined ? (
        <p role="status">Loading family…</p>
      ) : family.length === 0 ? (
        <p className="empty">
          Nobody is linked to {youngPersonName} yet. Add family in{' '}
          <a href={hashFor('people')}>Family and friends</a>.
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{youngPersonName}’s family and significant people</caption>
          <ColumnHeads
            columns={['Name', 'Relationship', 'Kind of relationship', 'Parental responsibility']}
          />
          <tbody>
            {family.map(({ person, relationship }) => (
              <tr key={relationship.id}>
                <th scope="row">
                  {displayPersonName(person)}
                  {person.aliases.length > 0 ? (
                    <span className="muted"> (also known as {person.aliases.join(', ')})</span>
                  ) : null}
                  <CommunicationNote text={communicationLine(person)} name={displayPersonName(person)} />
                </th>
                <td>{relationship.relationship}</td>
                <td>{relationshipCategoryLabels[relationship.category]}</td>
                <td>{relationship.hasParentalResponsibility ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {family && family.length > 0 ? (
        <p className="muted">
          To add someone or change their details, go to <a href={hashFor('people')}>Family and friends</a>.
        </p>
      ) : null}
    </section>
  );
}
