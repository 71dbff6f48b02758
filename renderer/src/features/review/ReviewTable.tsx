import type { FigureKey, ReviewFigure } from '@shared/rules/termly-review';
import { figureLabels } from '@shared/rules/termly-review';
import type { YoungPersonReview } from '../../db/repositories/review-workings';
import type { DrillDownSubject } from './DrillDown';
import { RagBadge } from './RagBadge';

/** The columns of the overview, in the order the policy lists them. */
export const overviewColumns: readonly { key: FigureKey; heading: string }[] = [
  { key: 'homeVisit', heading: 'Home visit' },
  { key: 'homeVisitsYear', heading: 'Home visits this year' },
  { key: 'parentUpdates', heading: 'Weekly parent updates' },
  { key: 'pepInvitation', heading: 'PEP invitation' },
  { key: 'halfTermOffers', heading: 'Half-term update offers' },
  { key: 'learningProgrammeUpdate', heading: 'Learning-programme update' },
  { key: 'learningMentorHomeVisit', heading: 'Learning Mentor home visit' },
  { key: 'learningConsultations', heading: 'Learning consultations' },
  { key: 'forms', heading: 'Forms on time' },
];

export function figureSubject(youngPersonName: string, figure: ReviewFigure): DrillDownSubject {
  return {
    title: `${youngPersonName}: ${figure.label}`,
    status: figure.status,
    value: figure.value,
    reason: figure.reason,
    records: figure.records,
  };
}

/**
 * This term, one row per young person: each figure's status, opening the records behind it. The
 * name opens the young person's whole review (with contact per family member).
 */
export function ReviewTable({
  rows,
  termIndex,
  onOpenFigure,
  onOpenYoungPerson,
}: {
  rows: readonly YoungPersonReview[];
  termIndex: number;
  onOpenFigure: (subject: DrillDownSubject) => void;
  onOpenYoungPerson: (youngPersonId: string) => void;
}) {
  return (
    <div className="review-scroll">
      <table className="table review-table" aria-label="This term, per young person">
        <thead>
          <tr>
            <th scope="col">Young person</th>
            <th scope="col">Overall</th>
            {overviewColumns.map((column) => (
              <th key={column.key} scope="col">
                {column.heading}
              </th>
            ))}
            <th scope="col">Family not reached</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const review = row.terms[termIndex];
            if (!review) return null;
            const name = row.youngPerson.name;
            const unreached = review.family.filter((member) => member.status === 'red');
            return (
              <tr key={row.youngPerson.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="review-name"
                    onClick={() => onOpenYoungPerson(row.youngPerson.id)}
                  >
                    {name}
                  </button>
                  <div className="muted">{row.youngPerson.caseNumber}</div>
                </th>
                <td>
                  <RagBadge status={review.overall} />
                </td>
                {overviewColumns.map((column) => {
                  const figure = review.figures.find((each) => each.key === column.key);
                  if (!figure) return <td key={column.key} />;
                  return (
                    <td key={column.key}>
                      <button
                        type="button"
                        className="cell-button"
                        aria-label={`${name}, ${figureLabels[figure.key]}: ${figure.status === 'notDue' ? 'not due yet' : figure.status}, ${figure.value}. Open the records behind it.`}
                        title={figure.reason}
                        onClick={() => onOpenFigure(figureSubject(name, figure))}
                      >
                        <RagBadge status={figure.status} value={figure.value} />
                      </button>
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="cell-button"
                    aria-label={`${name}: ${unreached.length} family members not reached this term. Open ${name}’s review.`}
                    onClick={() => onOpenYoungPerson(row.youngPerson.id)}
                  >
                    <RagBadge
                      status={unreached.length > 0 ? 'red' : review.family.length > 0 ? 'green' : 'notDue'}
                      value={String(unreached.length)}
                    />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
