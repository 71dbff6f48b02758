import { useEffect, useRef } from 'react';
import type { TermName } from '@shared/schemas/academic-year';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import { formatUkDate } from '@shared/format-dates';
import { Banner } from '../../ui/Banner';
import type { DrillDownSubject } from './DrillDown';
import { RagBadge } from './RagBadge';
import { figureSubject } from './ReviewTable';
import { useYoungPersonReview } from './useReviewRecords';
import { YoungPersonVoices } from './YoungPersonVoices';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { RowButton } from '../../ui/RowButton';
import { Panel } from '../../ui/Panel';

/**
 * One young person's term in full: every figure with its reason, contacts by kind, contact per
 * family member (a restricted person shown as restricted, not as a gap), what is still owed this
 * year, each opening the records behind it.
 */
export function YoungPersonReviewPanel({
  youngPersonId,
  yearId,
  termName,
  onOpenFigure,
  onClose,
}: {
  youngPersonId: string;
  yearId: string;
  termName: TermName;
  onOpenFigure: (subject: DrillDownSubject) => void;
  onClose: () => void;
}) {
  const answer = useYoungPersonReview(youngPersonId, yearId, termName);
  const loaded = answer?.ok ? answer.value : undefined;
  const failure = answer && !answer.ok ? answer.error.message : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (failure) return <Banner tone="error">{failure}</Banner>;
  if (!loaded)
    return (
      <p className="muted" role="status">
        Working out the review…
      </p>
    );
  const review = loaded.terms[loaded.terms.length - 1];
  if (!review) return null;
  const name = loaded.youngPerson.name;

  return (
    <Panel
      titleId="young-person-review-heading"
      title={
        <>
          {name}: {review.termName} term {review.yearLabel}
        </>
      }
      headingRef={headingRef}
    >
      <p>
        Overall <RagBadge status={review.overall} />{' '}
        <span className="muted">
          ({formatUkDate(review.termStartsOn)} to {formatUkDate(review.termEndsOn)})
        </span>
      </p>
      <h3>The policy’s minimums</h3>
      <ul className="figure-list" aria-label={`${name}’s figures`}>
        {review.figures.map((figure) => (
          <li key={figure.key}>
            <strong>{figure.label}</strong>
            <RagBadge status={figure.status} value={figure.value} />
            <span>{figure.reason}</span>
            <RowButton
              name={`Open the records behind ${figure.label}`}
              onClick={() => onOpenFigure(figureSubject(loaded.youngPerson, figure, figure.records))}
            >
              Records ({figure.records.length})
            </RowButton>
          </li>
        ))}
      </ul>
      <h3>Contact per family member</h3>
      {review.family.length === 0 ? (
        <p className="empty">No family members are recorded for {name}.</p>
      ) : (
        <table className="table" aria-label={`Contact per family member for ${name}`}>
          <ColumnHeads columns={['Family member', 'Relationship', 'Status', 'Why', 'Records']} />
          <tbody>
            {review.family.map((member) => (
              <tr key={member.personId}>
                <th scope="row">{member.name}</th>
                <td>{member.relationship}</td>
                <td>
                  <RagBadge status={member.status} value={`${member.contacts.count} contacts`} />
                </td>
                <td>{member.reason}</td>
                <td>
                  <RowButton
                    name={`Open the contacts with ${member.name}`}
                    onClick={() =>
                      onOpenFigure({
                        title: `${name}: contact with ${member.name} (${member.relationship})`,
                        status: member.status,
                        value: `${member.contacts.count}`,
                        reason: member.reason,
                        records: member.contacts.records,
                      })
                    }
                  >
                    {member.contacts.count}
                  </RowButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Contact against the plan</h3>
      {review.contactPlan.length === 0 ? (
        <p className="empty">No contact plan arrangement was in force for {name} this term.</p>
      ) : (
        <ul className="figure-list" aria-label={`Contact against the plan for ${name}`}>
          {review.contactPlan.map((figure) => {
            const member = review.family.find((each) => each.personId === figure.personId);
            const who = member ? `${member.name} (${member.relationship})` : 'Someone no longer linked';
            return (
              <li key={figure.arrangementId}>
                <strong>{who}</strong>
                <RagBadge status={figure.status} value={figure.value} />
                <RowButton
                  name={`Open the contacts with ${who} that count for the plan`}
                  onClick={() =>
                    onOpenFigure({
                      title: `${name}: ${figure.value}, with ${who}`,
                      status: figure.status,
                      value: `${figure.periodsHeld} of ${figure.periods}`,
                      reason: figure.value,
                      records: figure.held.records,
                    })
                  }
                >
                  Records ({figure.held.count})
                </RowButton>
              </li>
            );
          })}
        </ul>
      )}
      <YoungPersonVoices name={name} voices={review.voices} onOpenFigure={onOpenFigure} />
      <h3>Contacts by kind this term</h3>
      {review.contactsByKind.length === 0 ? (
        <p className="empty">No contacts were recorded this term.</p>
      ) : (
        <ul>
          {review.contactsByKind.map((entry) => (
            <li key={entry.kind}>
              <button
                type="button"
                className="review-name"
                onClick={() =>
                  onOpenFigure({
                    title: `${name}: ${contactKindLabels[entry.kind]}`,
                    status: 'green',
                    value: String(entry.contacts.count),
                    reason: `${entry.contacts.count} this term.`,
                    records: entry.contacts.records,
                  })
                }
              >
                {contactKindLabels[entry.kind]}: {entry.contacts.count}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Still to do this year</h3>
      {loaded.minimums.stillOwed.length === 0 ? (
        <p className="empty">Nothing more is owed this year.</p>
      ) : (
        <ul>
          {loaded.minimums.stillOwed.map((item) => (
            <li key={item.key}>
              {item.what}, by {formatUkDate(item.byDate)}
              {item.booked.count > 0 ? ` (booked: ${item.booked.count})` : ''}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary" onClick={onClose}>
        Back to everyone
      </button>
    </Panel>
  );
}
