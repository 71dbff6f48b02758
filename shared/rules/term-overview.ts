import type { RecordRef } from './contact-minimums';
import type { FigureKey, TermReview } from './termly-review';

/**
 * A value with every list of records behind it (`records`) replaced by how many records the list
 * holds (`recordCount`), everything else as it is.
 */
export type WithRecordCounts<T> = T extends readonly (infer Item)[]
  ? readonly WithRecordCounts<Item>[]
  : T extends object
    ? {
        readonly [Key in keyof T as Key extends 'records' ? 'recordCount' : Key]: Key extends 'records'
          ? number
          : WithRecordCounts<T[Key]>;
      }
    : T;

/**
 * A term's review as the overview shows it: every figure, status, reason and count, but the
 * records behind each figure only counted. The overview draws, exports and charts from these;
 * the records themselves are wanted only when someone opens a figure (`recordsPicked`).
 */
export type TermOverview = WithRecordCounts<TermReview>;

function withRecordCounts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRecordCounts);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === 'records' && Array.isArray(item) ? ['recordCount', item.length] : [key, withRecordCounts(item)],
    ),
  );
}

/** The term's review with the records behind its figures counted, not listed. */
export function termOverviewOf(review: TermReview): TermOverview {
  // Built by walking the review, which has no `records` key other than the lists of records.
  return withRecordCounts(review) as TermOverview;
}

/** Which records of a term's review the overview opens: a figure's, or the young person's views. */
export type RecordsPick = { readonly figure: FigureKey } | { readonly views: 'youngPersonHeard' };

/** The records behind what the overview opened; none for a figure the review does not have. */
export function recordsPicked(review: TermReview, pick: RecordsPick): readonly RecordRef[] {
  if ('views' in pick) return review.voices.youngPersonHeard.records;
  return review.figures.find((figure) => figure.key === pick.figure)?.records ?? [];
}

/** A term's review, whole or as the overview holds it: what the exports, report and trend read. */
export type ReviewOrOverview = TermReview | TermOverview;

/** How many records stand behind a figure, whether they are listed or only counted. */
export function recordCountOf(
  figure: { readonly records: readonly RecordRef[] } | { readonly recordCount: number },
): number {
  return 'records' in figure ? figure.records.length : figure.recordCount;
}
