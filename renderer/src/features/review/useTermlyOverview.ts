import { useEffect, useMemo, useState } from 'react';
import type { AcademicYear, TermName } from '@shared/schemas/academic-year';
import type { Result } from '@shared/result';
import { termAt } from '@shared/rules/academic-calendar';
import { trendPoint, trendTerms, type TrendPoint } from '@shared/rules/termly-trend';
import { useDatabase } from '../../db/useDatabase';
import {
  reviewRepository,
  type ReviewError,
  type TermlyOverview,
} from '../../db/repositories/review-repository';
import { useSession } from '../../security/session-context';

export type TermChoice = { readonly yearId: string; readonly termName: TermName };

/** The term to open on: the one today falls in, else the last one that has started. */
export function defaultTermChoice(years: readonly AcademicYear[], today: string): TermChoice | undefined {
  const at = termAt(today, years);
  if (at.kind === 'inTerm' || at.kind === 'holiday') {
    const year = years.find((candidate) => candidate.label === at.yearLabel);
    const term = at.kind === 'inTerm' ? at.term : at.after;
    if (year) return { yearId: year.id, termName: term.name };
  }
  const started = years.flatMap((year) =>
    year.terms
      .filter((term) => term.startsOn <= today)
      .map((term) => ({ yearId: year.id, termName: term.name, startsOn: term.startsOn })),
  );
  started.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const last =
    started[started.length - 1] ??
    (years[0] && years[0].terms[0] ? { yearId: years[0].id, termName: years[0].terms[0].name } : undefined);
  return last ? { yearId: last.yearId, termName: last.termName } : undefined;
}

/** The overview for a term: recomputed when the term changes; the repository decides whose young people are in it. */
export function useTermlyOverview(
  choice: TermChoice | undefined,
): Result<TermlyOverview, ReviewError> | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewRepository(db), [db]);
  const [result, setResult] = useState<
    { key: string; value: Result<TermlyOverview, ReviewError> } | undefined
  >();
  const key = choice ? `${choice.yearId}:${choice.termName}` : '';
  useEffect(() => {
    if (!choice) return;
    let isCurrent = true;
    void repository.termlyOverview(session, choice.yearId, choice.termName, new Date()).then((value) => {
      if (isCurrent) setResult({ key: `${choice.yearId}:${choice.termName}`, value });
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session, choice]);
  return result && result.key === key ? result.value : undefined;
}

/**
 * The trend across the chosen term and the terms before it, this academic year and last: each
 * term's point from the overview of the young people placed in that term (the repository applies
 * the same need to know). The chosen term's own overview is passed in rather than worked out twice.
 */
export function useReviewTrend(
  years: readonly AcademicYear[] | undefined,
  overview: TermlyOverview | undefined,
): TrendPoint[] | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewRepository(db), [db]);
  const [result, setResult] = useState<{ overview: TermlyOverview; points: TrendPoint[] } | undefined>();
  useEffect(() => {
    if (!years || !overview) return;
    let isCurrent = true;
    const terms = trendTerms(years, { yearId: overview.year.id, termName: overview.termName });
    void (async () => {
      const now = new Date();
      const points: TrendPoint[] = [];
      for (const term of terms) {
        const isChosen = term.yearId === overview.year.id && term.termName === overview.termName;
        const termOverview = isChosen
          ? overview
          : await repository
              .termlyOverview(session, term.yearId, term.termName, now)
              .then((reply) => (reply.ok ? reply.value : undefined));
        if (!isCurrent) return;
        if (!termOverview) continue;
        const reviews = termOverview.rows.flatMap((row) => {
          const review = row.terms[term.termIndex];
          return review ? [review] : [];
        });
        points.push(trendPoint(term, reviews));
      }
      if (isCurrent) setResult({ overview, points });
    })().catch((error: unknown) => {
      console.error('The termly trend could not be worked out', error);
      if (isCurrent) setResult({ overview, points: [] });
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session, years, overview]);
  return result && result.overview === overview ? result.points : undefined;
}
