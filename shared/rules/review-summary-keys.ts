import type { TermName } from '../schemas/academic-year';

/*
 * How stored review summaries are keyed, apart from their schema so that the database's
 * invalidating middleware can clear a young person's summaries without loading the review rules.
 */

/** The summary's id: a young person's summaries sort together, so they can be cleared as one key range. */
export function reviewSummaryId(youngPersonId: string, yearId: string, termName: TermName): string {
  return `${youngPersonId}|${yearId}|${termName}`;
}

/** The primary-key range that holds every summary of one young person. */
export function reviewSummaryRangeOf(youngPersonId: string): {
  readonly lower: string;
  readonly upper: string;
} {
  return { lower: `${youngPersonId}|`, upper: `${youngPersonId}|\uffff` };
}
