import type { AcademicYear, TermName } from '../schemas/academic-year';
import type { RagStatus } from './termly-review';
import type { ReviewOrOverview } from './term-overview';

/** A term of the home's calendar, placed for the trend. */
export type TrendTerm = {
  readonly yearId: string;
  readonly yearLabel: string;
  readonly termName: TermName;
  readonly termIndex: number;
};

/** One bar of the trend: how many young people were red, amber and green overall, and the home visits held. */
export type TrendPoint = {
  readonly label: string;
  readonly red: number;
  readonly amber: number;
  readonly green: number;
  readonly homeVisits: number;
  readonly youngPeople: number;
};

/** How many terms the trend shows by default: this academic year and the one before. */
export const defaultTrendLength = 6;

const shortTermWords: Readonly<Record<TermName, string>> = {
  autumn: 'Autumn',
  spring: 'Spring',
  summer: 'Summer',
};

/**
 * The terms the trend runs over: the chosen term and up to `count - 1` before it, across academic
 * years, oldest first. Years are placed by their first term's start, whatever order they are
 * stored in; a term not in the calendar gives no trend.
 */
export function trendTerms(
  years: readonly AcademicYear[],
  chosen: { readonly yearId: string; readonly termName: TermName },
  count = defaultTrendLength,
): TrendTerm[] {
  const ordered = [...years].sort((a, b) => a.terms[0].startsOn.localeCompare(b.terms[0].startsOn));
  const all = ordered.flatMap((year) =>
    year.terms.map((term, termIndex) => ({
      yearId: year.id,
      yearLabel: year.label,
      termName: term.name,
      termIndex,
    })),
  );
  const at = all.findIndex((term) => term.yearId === chosen.yearId && term.termName === chosen.termName);
  if (at < 0 || count < 1) return [];
  return all.slice(Math.max(0, at - count + 1), at + 1);
}

/** "Autumn 2026/27": short enough for a chart's axis, clear across years. */
export function trendLabel(term: Pick<TrendTerm, 'termName' | 'yearLabel'>): string {
  return `${shortTermWords[term.termName]} ${term.yearLabel}`;
}

/**
 * One term's point from the reviews of the young people placed in it: each young person counted
 * once by their overall status (a term not yet due counts as none of the three), and the home
 * visits held in the term (booked ones are not counted until they are held).
 */
export function trendPoint(
  term: Pick<TrendTerm, 'termName' | 'yearLabel'>,
  reviews: readonly ReviewOrOverview[],
): TrendPoint {
  const count = (status: RagStatus) => reviews.filter((review) => review.overall === status).length;
  const homeVisits = reviews.reduce(
    (total, review) =>
      total + (review.contactsByKind.find((entry) => entry.kind === 'homeVisit')?.contacts.count ?? 0),
    0,
  );
  return {
    label: trendLabel(term),
    red: count('red'),
    amber: count('amber'),
    green: count('green'),
    homeVisits,
    youngPeople: reviews.length,
  };
}

/** What the trend chart says in words, for its text alternative. */
export function trendText(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No terms to show.';
  return points
    .map(
      (point) =>
        `${point.label}: ${point.red} red, ${point.amber} amber, ${point.green} green of ${point.youngPeople} ${point.youngPeople === 1 ? 'young person' : 'young people'}; ${point.homeVisits} ${point.homeVisits === 1 ? 'home visit' : 'home visits'}`,
    )
    .join('. ');
}
