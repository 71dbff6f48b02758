import type { FigureKey, RagStatus, ReviewFigure } from '@shared/rules/termly-review';
import { figureLabels } from '@shared/rules/termly-review';
import type { TermName } from '@shared/schemas/academic-year';
import type { OverviewRow } from '../../db/repositories/review-repository';
import { bookHomeVisitHref } from '../visits';
import type { DrillDownSubject, RecordsSource } from './DrillDown';
import { RagBadge } from './RagBadge';

/**
 * The columns of the overview, in the order the policy lists them, grouped under who owes them
 * (5.2.1 the Personal Tutor and Case Co-ordinator, 5.2.2 the Learning Mentor), so the headings can
 * be short and the table fits a 1280-pixel window without scrolling sideways (soft hyphens break
 * the two long words, as Chromium has no hyphenation dictionary here).
 */
const columnGroups: readonly {
  readonly heading: string | undefined;
  readonly columns: readonly { key: FigureKey; heading: string }[];
}[] = [
  {
    heading: 'Home visits',
    columns: [
      { key: 'homeVisit', heading: 'This term' },
      { key: 'homeVisitsYear', heading: 'This year' },
    ],
  },
  { heading: undefined, columns: [{ key: 'parentUpdates', heading: 'Weekly parent updates' }] },
  {
    heading: 'Learning Mentor',
    columns: [
      { key: 'pepInvitation', heading: 'PEP invitation' },
      { key: 'halfTermOffers', heading: 'Half-term offers' },
      { key: 'learningProgrammeUpdate', heading: 'Pro\u00adgramme update' },
      { key: 'learningMentorHomeVisit', heading: 'Home visit' },
      { key: 'learningConsultations', heading: 'Consul\u00adtations' },
    ],
  },
  { heading: undefined, columns: [{ key: 'forms', heading: 'Forms on time' }] },
];

/** A status as a person says it, after the figure: "None held, red: behind the policy". */
const statusSpoken: Readonly<Record<RagStatus, string>> = {
  red: 'red: behind the policy',
  amber: 'amber: needs attention',
  green: 'green: met',
  notDue: 'not due',
};

/** The overview's term, where the records behind its counted figures are found. */
export type OverviewTerm = { readonly yearId: string; readonly termName: TermName };

export function figureSubject(
  youngPerson: { readonly id: string; readonly name: string },
  figure: Omit<ReviewFigure, 'records'>,
  records: RecordsSource,
): DrillDownSubject {
  return {
    title: `${youngPerson.name}: ${figure.label}`,
    status: figure.status,
    value: figure.value,
    reason: figure.reason,
    records,
    ...(figure.key === 'homeVisit' && figure.status === 'red' ? { bookHomeVisitFor: youngPerson } : {}),
  };
}

/**
 * This term, one row per young person: each figure in words ("None held", "1 of 3") with its
 * status as shape and colour, opening the records behind it. The name opens the young person's
 * whole review (with contact per family member); a red home visit offers to book one.
 */
export function ReviewTable({
  rows,
  term,
  onOpenFigure,
  onOpenYoungPerson,
}: {
  rows: readonly OverviewRow[];
  term: OverviewTerm;
  onOpenFigure: (subject: DrillDownSubject) => void;
  onOpenYoungPerson: (youngPersonId: string) => void;
}) {
  return (
    <table className="table review-table" aria-label="This term, per young person">
      <colgroup>
        <col className="review-table__name" />
      </colgroup>
      {columnGroups.map((group) => (
        <colgroup key={group.columns[0]?.key} span={group.columns.length} />
      ))}
      <colgroup>
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Young person
          </th>
          {columnGroups.map((group) =>
            group.heading ? (
              <th
                key={group.heading}
                scope="colgroup"
                colSpan={group.columns.length}
                className="review-group"
              >
                {group.heading}
              </th>
            ) : (
              group.columns.map((column) => (
                <th key={column.key} scope="col" rowSpan={2}>
                  {column.heading}
                </th>
              ))
            ),
          )}
          <th scope="col" rowSpan={2}>
            Family not reached
          </th>
        </tr>
        <tr>
          {columnGroups.flatMap((group) =>
            group.heading
              ? group.columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.heading}
                  </th>
                ))
              : [],
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const review = row.review;
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
                <div className="review-overall">
                  <span className="visually-hidden">Overall: </span>
                  <RagBadge status={review.overall} />
                </div>
              </th>
              {columnGroups.flatMap((group) =>
                group.columns.map((column) => {
                  const figure = review.figures.find((each) => each.key === column.key);
                  if (!figure) return <td key={column.key} />;
                  return (
                    <td key={column.key}>
                      <button
                        type="button"
                        className="cell-button"
                        aria-label={`${name}, ${figureLabels[figure.key]}: ${figure.value}, ${statusSpoken[figure.status]}. ${figure.reason} Open the records behind it.`}
                        title={figure.reason}
                        onClick={() =>
                          onOpenFigure(
                            figureSubject(row.youngPerson, figure, {
                              ...term,
                              youngPersonId: row.youngPerson.id,
                              pick: { figure: figure.key },
                            }),
                          )
                        }
                      >
                        <RagBadge status={figure.status} value={figure.value} />
                      </button>
                      {figure.key === 'homeVisit' && figure.status === 'red' ? (
                        <a
                          className="review-book"
                          href={bookHomeVisitHref(row.youngPerson.id)}
                          aria-label={`Book a home visit for ${name}`}
                        >
                          Book a home visit
                        </a>
                      ) : null}
                    </td>
                  );
                }),
              )}
              <td>
                <button
                  type="button"
                  className="cell-button"
                  aria-label={`${name}: ${unreached.length === 0 ? 'no' : unreached.length} family ${unreached.length === 1 ? 'member' : 'members'} not reached this term. Open ${name}’s review.`}
                  onClick={() => onOpenYoungPerson(row.youngPerson.id)}
                >
                  <RagBadge
                    status={unreached.length > 0 ? 'red' : review.family.length > 0 ? 'green' : 'notDue'}
                    value={unreached.length === 0 ? 'None' : String(unreached.length)}
                  />
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
