import type { ReportContent } from '@shared/ipc/channels/documents';
import { chronologyKindLabels, type ChronologyFilter } from '@shared/rules/chronology';
import { calendarDateOf, weekdayDayAndTime } from '@shared/home-time';
import { formatUkDate } from '@shared/format-dates';
import type { ChronologyEntry } from '../../db/repositories/chronology-entries';
import { entryWords } from './chronology-words';

/** The most lines one table of a signed report takes (the report's own limit). */
const rowsPerTable = 2_000;

/** What the chronology was narrowed to, in words, for the printed and signed copies. */
export function filterWords(
  filter: ChronologyFilter,
  personName: (id: string) => string | undefined,
): string {
  const parts = [
    filter.kinds && filter.kinds.length > 0
      ? filter.kinds.map((kind) => chronologyKindLabels[kind]).join(', ')
      : 'Everything',
  ];
  if (filter.personId) parts.push(`concerning ${personName(filter.personId) ?? 'one family member'}`);
  if (filter.fromDate && filter.toDate)
    parts.push(`from ${formatUkDate(filter.fromDate)} to ${formatUkDate(filter.toDate)}`);
  else if (filter.fromDate) parts.push(`from ${formatUkDate(filter.fromDate)}`);
  else if (filter.toDate) parts.push(`up to ${formatUkDate(filter.toDate)}`);
  return parts.join(', ');
}

/** One printed line: when, what, and the detail. */
export function chronologyLine(
  entry: ChronologyEntry,
  context: Parameters<typeof entryWords>[1],
): [string, string, string] {
  const words = entryWords(entry, context);
  return [
    weekdayDayAndTime(entry.at, context.timeZone),
    `${chronologyKindLabels[entry.kind]}: ${words.title}`,
    words.detail,
  ];
}

/**
 * A young person's chronology as a signed report for their case file: a summary of what it shows
 * and for whom it was made, then every line, newest first, a section a year. Pure: the screen
 * passes the lines it has already been allowed to open, so the copy holds what the signer's role
 * may see and no more.
 */
export function chronologyReport(input: {
  readonly homeName: string;
  readonly youngPersonName: string;
  readonly caseNumber: string;
  readonly entries: readonly ChronologyEntry[];
  readonly filter: ChronologyFilter;
  readonly personName: (id: string) => string | undefined;
  readonly staffName?: (id: string) => string | undefined;
  readonly signedBy: { readonly name: string; readonly role: string };
  readonly signedAt: string;
  readonly timeZone: string;
}): ReportContent {
  const context = { personName: input.personName, staffName: input.staffName, timeZone: input.timeZone };
  const byYear = new Map<string, [string, string, string][]>();
  for (const entry of input.entries) {
    const year = calendarDateOf(entry.at, input.timeZone).slice(0, 4);
    const lines = byYear.get(year) ?? [];
    lines.push(chronologyLine(entry, context));
    byYear.set(year, lines);
  }
  const today = calendarDateOf(input.signedAt, input.timeZone);
  const yearSections = [...byYear.entries()].map(([year, lines]) => ({
    heading: `${year} (${lines.length} ${lines.length === 1 ? 'entry' : 'entries'})`,
    blocks: Array.from({ length: Math.ceil(lines.length / rowsPerTable) }, (_, index) => ({
      kind: 'table' as const,
      columns: ['When', 'What', 'Details'],
      rows: lines.slice(index * rowsPerTable, (index + 1) * rowsPerTable),
    })),
  }));
  return {
    homeName: input.homeName,
    title: `Chronology: ${input.youngPersonName}`,
    subtitle: `${input.homeName} · for the case file · as at ${formatUkDate(today)}`,
    reference: `Chronology · ${input.caseNumber}`,
    footer: 'Case file · Confidential',
    sections: [
      {
        heading: 'Summary',
        blocks: [
          {
            kind: 'fields',
            rows: [
              { label: 'Young person', value: input.youngPersonName },
              { label: 'Case number', value: input.caseNumber },
              { label: 'Showing', value: filterWords(input.filter, input.personName) },
              { label: 'Entries', value: String(input.entries.length) },
            ],
          },
          {
            kind: 'paragraph',
            isQuiet: true,
            text: `Contact forms, visits, the front door and restrictions, newest first, as ${input.signedBy.name} (${input.signedBy.role || 'staff'}) may see them: details their role does not show are left out.`,
          },
        ],
      },
      ...(yearSections.length > 0
        ? yearSections
        : [
            {
              heading: 'Entries',
              blocks: [{ kind: 'paragraph' as const, text: 'Nothing matches these filters.' }],
            },
          ]),
    ],
    signedBy: input.signedBy,
    signedAt: input.signedAt,
    timeZone: input.timeZone,
  };
}
