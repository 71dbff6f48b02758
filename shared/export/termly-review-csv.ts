import type { FamilyStatus } from '../rules/termly-review';
import { recordCountOf, type ReviewOrOverview } from '../rules/term-overview';
import { familyFeelingShortLabels } from '../rules/voices';
import { csvFile } from './visitor-register-csv';

/**
 * The termly report as a CSV file (seed 004, 5.5): one row per figure per young person, then
 * one per family member, each with its status and the reason in words, and how many records
 * stand behind it; then the term's voices (seed 004 §4, seed 003 §3.1), counted rather than
 * coloured because the policy sets them no minimum. Cells are made safe the same way as the register's export (`csvCell`: quoted
 * where CSV needs it, formula starts defused), with a byte-order mark and CRLF line ends so Excel
 * reads names such as Zoë correctly.
 */

export type TermlyReviewCsvRow = {
  readonly youngPersonName: string;
  readonly caseNumber: string;
  readonly review: ReviewOrOverview;
};

export const termlyReviewCsvHeader = [
  'Young person',
  'Case number',
  'Academic year',
  'Term',
  'Figure',
  'Value',
  'Status',
  'Reason',
  'Records',
] as const;

export const statusWords: Readonly<Record<FamilyStatus, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  notDue: 'Not due yet',
  restricted: 'Restricted',
};

const termWords = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' } as const;

function rowsOf({ youngPersonName, caseNumber, review }: TermlyReviewCsvRow): string[][] {
  const lead = [youngPersonName, caseNumber, review.yearLabel, termWords[review.termName]];
  return [
    ...review.figures.map((figure) => [
      ...lead,
      figure.label,
      figure.value,
      statusWords[figure.status],
      figure.reason,
      String(recordCountOf(figure)),
    ]),
    ...review.family.map((member) => [
      ...lead,
      `Contact with ${member.name} (${member.relationship})`,
      String(member.contacts.count),
      statusWords[member.status],
      member.reason,
      String(recordCountOf(member.contacts)),
    ]),
    ...voiceRows(review.voices).map(([figure, value, reason, records]) => [
      ...lead,
      figure,
      value,
      counted,
      reason,
      records,
    ]),
  ];
}

/** The status cell of a count the policy sets no minimum for. */
const counted = 'Counted';

function voiceRows(voices: ReviewOrOverview['voices']): [string, string, string, string][] {
  const heard = voices.youngPersonHeard.count;
  return [
    ...[...voices.familyFeelings]
      .reverse()
      .map(({ feeling, forms }): [string, string, string, string] => [
        `Family felt ${familyFeelingShortLabels[feeling]} about our work`,
        String(forms.count),
        'Filed forms this term where the family chose this answer.',
        String(recordCountOf(forms)),
      ]),
    [
      'Family asked, no answer',
      String(voices.familyNoAnswer.count),
      'Asked, but the family was not asked this time or did not say: never read as a low score.',
      String(recordCountOf(voices.familyNoAnswer)),
    ],
    [
      'Family not asked (older forms)',
      String(voices.notAsked.count),
      'Filed before the form asked how the family felt.',
      String(recordCountOf(voices.notAsked)),
    ],
    [
      'Young person’s views acted on and told',
      `${voices.actedOnAndTold.count} of ${heard}`,
      'Forms that say how the young person’s views were used and when they were told what happened next, of those that recorded their views.',
      String(recordCountOf(voices.actedOnAndTold)),
    ],
  ];
}

/** The whole file: a byte-order mark, the header row, then the rows, CRLF line ends. */
export function termlyReviewCsv(rows: readonly TermlyReviewCsvRow[]): string {
  return csvFile([termlyReviewCsvHeader, ...rows.flatMap(rowsOf)]);
}
