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
 * in rather than worked out twice. `onProgress` hears after each term, so the screen can say how
 * far it has got; a term the person may not review (or no longer in the calendar) is left out.
 */
export async function workOutTrend(
  years: readonly AcademicYear[],
  chosen: TermlyOverview,
  overviewOf: (term: TrendTerm) => Promise<TermlyOverview | undefined>,
  onProgress: (progress: TrendProgress) => void = () => undefined,
): Promise<TrendPoint[]> {
  const terms = trendTerms(years, { yearId: chosen.year.id, termName: chosen.termName });
  const points: TrendPoint[] = [];
  let done = 0;
  for (const term of terms) {
    const isChosen = term.yearId === chosen.year.id && term.termName === chosen.termName;
    const overview = isChosen ? chosen : await overviewOf(term);
    done += 1;
    if (overview) {
      const reviews = overview.rows.flatMap((row) => {
        const review = row.terms[term.termIndex];
        return review ? [review] : [];
      });
      points.push(trendPoint(term, reviews));
    }
    onProgress({ points: [...points], done, of: terms.length });
  }
  return points;
}
