import { familyFeelings } from '@shared/schemas/contact-forms';
import {
  actedOnWords,
  familyFeelingShortLabels,
  homeVoiceCounts,
  voiceCountsOf,
  type VoiceCounts,
} from '@shared/rules/voices';
import type { OverviewRow } from '../../db/repositories/review-repository';
import type { DrillDownSubject } from './DrillDown';
import type { OverviewTerm } from './ReviewTable';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = {
  readonly rows: readonly OverviewRow[];
  readonly term: OverviewTerm;
  readonly onOpenFigure: (subject: DrillDownSubject) => void;
};

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * Families' voices and the young person's voice this term (seed 004 §4, seed 003 §3.1): for each
 * young person, how many forms had the family at each point of the scale, and how many of the
 * young person's views were acted on and they were told; then the home's totals. Counts, not
 * colours: the policy sets no minimum. Forms filed before the form asked are "not asked".
 */
export function VoicesTable({ rows, term, onOpenFigure }: Props) {
  const counted = rows.map((row) => ({
    row,
    counts: voiceCountsOf(row.review.voices),
  }));
  const home = homeVoiceCounts(counted.map((each) => each.counts));
  const cells = (counts: VoiceCounts) => [
    ...[...familyFeelings].reverse().map((feeling) => counts.familyFeelings[feeling]),
    counts.familyNoAnswer,
    counts.notAsked,
  ];
  return (
    <table className="table review-voices">
      <caption className="visually-hidden">
        How families felt about our work, and the young people’s views acted on, this term
      </caption>
      <ColumnHeads
        columns={[
          'Young person',
          ...[...familyFeelings].reverse().map((feeling) => capitalised(familyFeelingShortLabels[feeling])),
          'No answer',
          'Not asked',
          'Views acted on and told',
        ]}
      />
      <tbody>
        {counted.map(({ row, counts }) => (
          <tr key={row.youngPerson.id}>
            <th scope="row">{row.youngPerson.name}</th>
            {cells(counts).map((count, index) => (
              <td key={index}>{count}</td>
            ))}
            <td>
              {counts.youngPersonHeard === 0 ? (
                <span className="muted">None recorded</span>
              ) : (
                <button
                  type="button"
                  className="review-name"
                  aria-label={`${row.youngPerson.name}: ${actedOnWords(counts)}. Open the forms`}
                  onClick={() =>
                    onOpenFigure({
                      title: `${row.youngPerson.name}: the young person’s views acted on and told`,
                      status: 'notDue',
                      value: `${counts.actedOnAndTold} of ${counts.youngPersonHeard}`,
                      reason: actedOnWords(counts),
                      records: {
                        ...term,
                        youngPersonId: row.youngPerson.id,
                        pick: { views: 'youngPersonHeard' },
                      },
                    })
                  }
                >
                  {counts.actedOnAndTold} of {counts.youngPersonHeard}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">The home</th>
          {cells(home).map((count, index) => (
            <td key={index}>{count}</td>
          ))}
          <td>
            {home.actedOnAndTold} of {home.youngPersonHeard}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
