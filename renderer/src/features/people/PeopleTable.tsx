import type { Relationship } from '@shared/schemas/people';
import type { PersonRestriction } from '@shared/rules/restricted-people';
import { restrictionKindLabels } from '@shared/schemas/registers';
import { displayPersonName } from '@shared/display-names';
import type { PersonWithRelationships } from '../../db/repositories/people-repository';
import { hashFor } from '../../common/routes';
import { CommunicationNote } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';
import { specialDateWords } from '@shared/rules/special-dates';
import type { ProtocolAcceptance } from '@shared/schemas/visiting-protocol';
import { protocolAnswerText } from '@shared/rules/visiting-protocol';
import './people.css';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { EditDetailsCell } from './EditDetailsCell';

type Props = {
  readonly people: readonly PersonWithRelationships[];
  readonly youngPersonNames: ReadonlyMap<string, string>;
  /** Restrictions in force on a person, as everyone may see them (the kind, never the authority). */
  readonly restrictionsOf: (personId: string) => readonly PersonRestriction[];
  readonly onEdit: ((entry: PersonWithRelationships) => void) | undefined;
  /** Their latest answer to the visiting protocol (seed 004 §4), in words, and a copy of it to make. */
  readonly protocol: {
    readonly answerOf: (personId: string) => ProtocolAcceptance | undefined;
    readonly staffName: (id: string) => string;
    readonly timeZone: string;
    readonly onCopy: (entry: PersonWithRelationships, answer: ProtocolAcceptance) => void;
  };
};

function RelationshipLine({ link, names }: { link: Relationship; names: ReadonlyMap<string, string> }) {
  return (
    <li>
      {link.relationship} of{' '}
      <a href={hashFor('young-people', link.youngPersonId)}>
        {names.get(link.youngPersonId) ?? 'a young person no longer listed'}
      </a>
      {link.hasParentalResponsibility ? <span className="muted"> (parental responsibility)</span> : null}
    </li>
  );
}

/** Beside a person's name: each restriction in force on them, in words, so no one misses it. */
function RestrictionMarks({
  restrictions,
  names,
}: {
  restrictions: readonly PersonRestriction[];
  names: ReadonlyMap<string, string>;
}) {
  if (restrictions.length === 0) return null;
  return (
    <ul className="person-restrictions">
      {restrictions.map((restriction) => (
        <li key={restriction.restrictionId}>
          <span className="badge badge--warn">Restricted</span> for{' '}
          {names.get(restriction.youngPersonId) ?? 'a young person no longer listed'}:{' '}
          {restrictionKindLabels[restriction.kind]}
          {restriction.how === 'by name' ? ' (the restriction gives their name)' : ''}
        </li>
      ))}
    </ul>
  );
}

/** Family and significant people, with who each is family to and any restriction in force on them. */
export function PeopleTable({ people, youngPersonNames, restrictionsOf, onEdit, protocol }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Family and significant people</caption>
      <ColumnHeads
        columns={['Name', 'Other names', 'Related to', 'Phone', 'Visiting protocol']}
        hasActions={Boolean(onEdit)}
      />
      <tbody>
        {people.map((entry) => {
          const name = displayPersonName(entry.person);
          const answer = protocol.answerOf(entry.person.id);
          return (
            <tr key={entry.person.id}>
              <th scope="row">
                {name}
                <RestrictionMarks restrictions={restrictionsOf(entry.person.id)} names={youngPersonNames} />
                <CommunicationNote text={communicationLine(entry.person)} name={name} />
                {entry.specialDates && entry.specialDates.length > 0 ? (
                  <p className="communication-note">
                    Special dates:{' '}
                    {entry.specialDates.map((date) => `${date.label} ${specialDateWords(date)}`).join('; ')}
                  </p>
                ) : null}
              </th>
              <td>
                {entry.person.aliases.length > 0 ? (
                  entry.person.aliases.join(', ')
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>
                {entry.relationships.length === 0 ? (
                  <span className="muted">Not linked to a young person</span>
                ) : (
                  <ul>
                    {entry.relationships.map((link) => (
                      <RelationshipLine key={link.id} link={link} names={youngPersonNames} />
                    ))}
                  </ul>
                )}
              </td>
              <td className="people-table__phone">
                {entry.person.phone || <span className="muted">Not given</span>}
              </td>
              <td>
                {answer ? (
                  <>
                    <span className={answer.outcome === 'declined' ? 'badge badge--warn' : undefined}>
                      {protocolAnswerText(answer, protocol.staffName(answer.staffId), protocol.timeZone)}
                    </span>
                    <div>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => protocol.onCopy(entry, answer)}
                      >
                        PDF copy<span className="visually-hidden"> of the visiting protocol for {name}</span>
                      </button>
                    </div>
                  </>
                ) : (
                  <span className="muted">Not asked yet</span>
                )}
              </td>
              <EditDetailsCell name={name} entry={entry} onEdit={onEdit} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
