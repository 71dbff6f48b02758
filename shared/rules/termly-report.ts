import type { ReportContent } from '../ipc/channels/documents';
import { formatUkDate } from '../format-dates';
import { statusWords } from '../export/termly-review-csv';
import type { TermReview } from './termly-review';
import type { ReviewOrOverview } from './term-overview';
import {
  actedOnWords,
  familyAnswerWords,
  familyFeelingWords,
  homeVoiceCounts,
  voiceCountsOf,
  type VoiceCounts,
} from './voices';

/**
 * The termly report as the content of a signed PDF (laid out by shared/pdf/report-layout.ts and
 * signed through `documents:sign-report`): a summary table of every young person's term, then a
 * section per young person with each figure's status and reason and contact per family member.
 * Only what the review shows: names, statuses and reasons, never a form's text.
 */

export type TermlyReportRow = {
  readonly youngPersonName: string;
  readonly caseNumber: string;
  readonly review: ReviewOrOverview;
};

export type TermlyReportMeta = {
  readonly homeName: string;
  readonly yearLabel: string;
  readonly termName: TermReview['termName'];
  readonly termStartsOn: string;
  readonly termEndsOn: string;
  /** Whose young people: "all young people" or "young people of <CC's name>". */
  readonly coverage: string;
  readonly signedBy: { readonly name: string; readonly role: string };
  readonly signedAt: string;
  readonly timeZone: string;
};

const termTitles = { autumn: 'Autumn term', spring: 'Spring term', summer: 'Summer term' } as const;

export function termlyReportContent(rows: readonly TermlyReportRow[], meta: TermlyReportMeta): ReportContent {
  const term = `${termTitles[meta.termName]} ${meta.yearLabel}`;
  const summary = {
    heading: 'Summary',
    note: `${formatUkDate(meta.termStartsOn)} to ${formatUkDate(meta.termEndsOn)}, ${meta.coverage}. Red: the policy’s minimum was missed; amber: not yet met, or met only in part; green: met.`,
    blocks: [
      {
        kind: 'table' as const,
        columns: [
          'Young person',
          'Case number',
          'Overall',
          'Home visit',
          'Parent updates',
          'Forms on time',
          'Family not reached',
        ],
        rows: rows.map(({ youngPersonName, caseNumber, review }) => {
          const figure = (key: string) => review.figures.find((each) => each.key === key);
          // The figure in words first ("None held", "1 of 3"), its status after it for a reader
          // of a printed copy, where colour may not survive.
          const cell = (key: string) => {
            const found = figure(key);
            if (!found) return '';
            return found.status === 'notDue'
              ? found.value
              : `${found.value} (${statusWords[found.status].toLowerCase()})`;
          };
          const gaps = review.family.filter((member) => member.status === 'red').length;
          return [
            youngPersonName,
            caseNumber,
            statusWords[review.overall],
            cell('homeVisit'),
            cell('parentUpdates'),
            cell('forms'),
            String(gaps),
          ];
        }),
        emptyText: 'No young people to report on.',
      },
    ],
  };
  const perYoungPerson = rows.map(({ youngPersonName, caseNumber, review }) => ({
    heading: `${youngPersonName} (${caseNumber})`,
    note: `Overall: ${statusWords[review.overall]}`,
    blocks: [
      {
        kind: 'fields' as const,
        rows: [
          {
            label: 'How the family felt about our work',
            value: familyFeelingWords(voiceCountsOf(review.voices)),
          },
          { label: 'The young person’s views', value: actedOnWords(voiceCountsOf(review.voices)) },
        ],
      },
      {
        kind: 'table' as const,
        columns: ['Figure', 'Value', 'Status', 'Reason'],
        rows: review.figures.map((figure) => [
          figure.label,
          figure.value,
          statusWords[figure.status],
          figure.reason,
        ]),
      },
      {
        kind: 'table' as const,
        columns: ['Family member', 'Relationship', 'Contacts', 'Status', 'Reason'],
        rows: review.family.map((member) => [
          member.name,
          member.relationship,
          String(member.contacts.count),
          statusWords[member.status],
          member.reason,
        ]),
        emptyText: 'No family members are recorded.',
      },
    ],
  }));
  return {
    homeName: meta.homeName,
    title: 'Termly review of family contact',
    subtitle: term,
    reference: `Termly review · ${term}`,
    footer: 'Confidential: family contact monitoring (Partnership with Families policy, 5.5)',
    sections: [summary, voicesSection(rows), ...perYoungPerson],
    signedBy: { name: meta.signedBy.name, role: meta.signedBy.role },
    signedAt: meta.signedAt,
    timeZone: meta.timeZone,
  };
}

/**
 * Families' voices and the young people's (seed 004 §4, seed 003 §3.1): each young person's counts
 * this term and the home's totals. Only counts: the family's own words stay on the forms. Four
 * columns, in words, so a printed page reads without squeezing a column per point of the scale.
 */
function voicesSection(rows: readonly TermlyReportRow[]) {
  const counted = rows.map((row) => ({ row, counts: voiceCountsOf(row.review.voices) }));
  const home = homeVoiceCounts(counted.map((each) => each.counts));
  const cells = (counts: VoiceCounts) => [
    familyAnswerWords(counts),
    String(counts.notAsked),
    counts.youngPersonHeard === 0
      ? 'None recorded'
      : `${counts.actedOnAndTold} of ${counts.youngPersonHeard}`,
  ];
  return {
    heading: 'Families’ views and young people’s voices',
    note: 'How each family felt about our work, from the filed forms of the term, and how many times the young person’s views were acted on and they were told what happened next. Forms filed before the form asked are counted as not asked, never as a gap.',
    blocks: [
      {
        kind: 'fields' as const,
        rows: [
          { label: 'Families’ views', value: familyFeelingWords(home) },
          { label: 'Views acted on', value: actedOnWords(home) },
        ],
      },
      {
        kind: 'table' as const,
        columns: [
          'Young person',
          'How the family felt about our work',
          'Forms not asked',
          'Views acted on and told',
        ],
        rows: [
          ...counted.map(({ row, counts }) => [row.youngPersonName, ...cells(counts)]),
          ...(counted.length > 0 ? [['The home', ...cells(home)]] : []),
        ],
        emptyText: 'No young people to report on.',
      },
    ],
  };
}
