import type { AcademicYear } from '@shared/schemas/academic-year';
import { trendPoint, trendTerms, type TrendPoint, type TrendTerm } from '@shared/rules/termly-trend';
import type { TermlyOverview } from '../../db/repositories/review-repository';

/** How far the trend has got: the points worked out so far (oldest first), of how many terms. */
export type TrendProgress = {
  readonly points: readonly TrendPoint[];
  readonly done: number;
  readonly of: number;
};

/**
 * The trend across the chosen term and the terms before it (this academic year and last): each
 * term's point from the overview of the young people placed in that term, which the overview
 * reads from its stored summaries where they are still true. The chosen term's overview is passed
 * in rather than worked out twice. The other terms are asked for together, so their reads overlap
 * rather than queue; `onProgress` hears as each arrives (points oldest first, whatever order they
 * came in), so the screen can show how far it has got. A term the person may not review (or no
 * longer in the calendar) is left out.
 */
export async function workOutTrend(
  years: readonly AcademicYear[],
  chosen: TermlyOverview,
  overviewOf: (term: TrendTerm) => Promise<TermlyOverview | undefined>,
  onProgress: (progress: TrendProgress) => void = () => undefined,
): Promise<TrendPoint[]> {
  const terms = trendTerms(years, { yearId: chosen.year.id, termName: chosen.termName });
  const found: (TrendPoint | undefined)[] = terms.map(() => undefined);
  const inOrder = () => found.filter((point): point is TrendPoint => point !== undefined);
  let done = 0;
  await Promise.all(
    terms.map(async (term, index) => {
      const isChosen = term.yearId === chosen.year.id && term.termName === chosen.termName;
      const overview = isChosen ? chosen : await overviewOf(term);
      if (overview) {
        found[index] = trendPoint(
          term,
          overview.rows.map((row) => row.review),
        );
      }
      done += 1;
      onProgress({ points: inOrder(), done, of: terms.length });
    }),
  );
  return inOrder();
}
