import { useEffect, useMemo, useState } from 'react';
import type { AcademicYear, TermName } from '@shared/schemas/academic-year';
import type { Result } from '@shared/result';
import { termAt } from '@shared/rules/academic-calendar';
import { useDatabase } from '../../db/useDatabase';
import {
  reviewRepository,
  type ReviewError,
  type TermlyOverview,
} from '../../db/repositories/review-repository';
import { isRefusedForDroppedKeys } from '../../security/end-session';
import { useSession } from '../../security/session-context';
import { workOutTrend, type TrendProgress } from './review-trend';

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
  // The term by its parts, not the choice object: the screen makes a new object each render, and
  // working the overview out again on each would start the trend over before it could finish.
  const yearId = choice?.yearId;
  const termName = choice?.termName;
  const key = yearId && termName ? `${yearId}:${termName}` : '';
  useEffect(() => {
    if (!yearId || !termName) return;
    let isCurrent = true;
    void repository.termlyOverview(session, yearId, termName, new Date()).then((value) => {
      if (isCurrent) setResult({ key: `${yearId}:${termName}`, value });
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session, yearId, termName]);
  return result && result.key === key ? result.value : undefined;
}

/**
 * The trend across the chosen term and the terms before it (`workOutTrend`), with how far it has
 * got while it works: the points so far, so the screen shows progress rather than a wait.
 */
export function useReviewTrend(
  years: readonly AcademicYear[] | undefined,
  overview: TermlyOverview | undefined,
): TrendProgress | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => reviewRepository(db), [db]);
  const [result, setResult] = useState<{ overview: TermlyOverview; progress: TrendProgress } | undefined>();
  useEffect(() => {
    if (!years || !overview) return;
    let isCurrent = true;
    const now = new Date();
    void workOutTrend(
      years,
      overview,
      (term) =>
        repository
          .termlyOverview(session, term.yearId, term.termName, now)
          .then((reply) => (reply.ok ? reply.value : undefined)),
      (progress) => {
        if (isCurrent) setResult({ overview, progress });
      },
    ).catch((error: unknown) => {
      // Signing out or locking while the trend is read is not a fault worth reporting.
      if (!isRefusedForDroppedKeys(error)) console.error('The termly trend could not be worked out', error);
      if (isCurrent) setResult({ overview, progress: { points: [], done: 0, of: 0 } });
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session, years, overview]);
  return result && result.overview === overview ? result.progress : undefined;
}
