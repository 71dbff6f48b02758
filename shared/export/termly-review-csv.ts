import type { FamilyStatus, TermReview } from '../rules/termly-review';
import { csvCell } from './visitor-register-csv';

/**
 * The termly report as a CSV file (seed 004, 5.5): one row per figure per young person, then
 * one per family member, each with its status and the reason in words, and how many records
 * stand behind it. Cells are made safe the same way as the register's export (`csvCell`: quoted
 * where CSV needs it, formula starts defused), with a byte-order mark and CRLF line ends so Excel
 * reads names such as Zoë correctly.
 */

export type TermlyReviewCsvRow = {
  readonly youngPersonName: string;
  readonly caseNumber: string;
  readonly review: TermReview;
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
      String(figure.records.length),
    ]),
    ...review.family.map((member) => [
      ...lead,
      `Contact with ${member.name} (${member.relationship})`,
      String(member.contacts.count),
      statusWords[member.status],
      member.reason,
      String(member.contacts.records.length),
    ]),
  ];
}

/** The whole file: a byte-order mark, the header row, then the rows, CRLF line ends. */
export function termlyReviewCsv(rows: readonly TermlyReviewCsvRow[]): string {
  const lines = [[...termlyReviewCsvHeader], ...rows.flatMap(rowsOf)];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
