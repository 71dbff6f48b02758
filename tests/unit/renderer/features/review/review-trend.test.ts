import { describe, expect, it } from 'vitest';
import type { AcademicYear } from '@shared/schemas/academic-year';
import type { TrendTerm } from '@shared/rules/termly-trend';
import type { TermlyOverview } from '../../../../../renderer/src/db/repositories/review-repository';
import { workOutTrend, type TrendProgress } from '../../../../../renderer/src/features/review/review-trend';
import { buildAcademicYear } from '../../../../factories';

const last = buildAcademicYear({ startYear: 2025, id: 'year-2025' });
const current = buildAcademicYear({ startYear: 2026, id: 'year-2026' });
const years: AcademicYear[] = [current, last];

/** An overview with no young people: each term's point then counts none, which is all this test needs. */
const overviewOf = (year: AcademicYear, termIndex: number): TermlyOverview => ({
  year,
  termName: year.terms[termIndex]?.name ?? 'autumn',
  termIndex,
  scope: 'all',
  rows: [],
});

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('the trend across terms, as the screen works it out', () => {
  it('asks for the other terms together, reports each as it arrives, and keeps the points oldest first', async () => {
    const chosen = overviewOf(current, 1);
    const asked = new Map<string, ReturnType<typeof deferred<TermlyOverview | undefined>>>();
    const progress: TrendProgress[] = [];
    const working = workOutTrend(
      years,
      chosen,
      (term: TrendTerm) => {
        const wait = deferred<TermlyOverview | undefined>();
        asked.set(`${term.yearLabel} ${term.termName}`, wait);
        return wait.promise;
      },
      (each) => progress.push(each),
    );
    await Promise.resolve();
    // The four earlier terms are all asked for before any answers (the chosen one is not asked again).
    expect([...asked.keys()]).toEqual([
      '2025/26 autumn',
      '2025/26 spring',
      '2025/26 summer',
      '2026/27 autumn',
    ]);
    expect(progress.map((each) => each.points.map((point) => point.label))).toEqual([['Spring 2026/27']]);
    asked.get('2026/27 autumn')?.resolve(overviewOf(current, 0));
    asked.get('2025/26 autumn')?.resolve(undefined); // a term this person may not review
    asked.get('2025/26 summer')?.resolve(overviewOf(last, 2));
    asked.get('2025/26 spring')?.resolve(overviewOf(last, 1));
    const points = await working;
    expect(points.map((point) => point.label)).toEqual([
      'Spring 2025/26',
      'Summer 2025/26',
      'Autumn 2026/27',
      'Spring 2026/27',
    ]);
    expect(progress.map((each) => `${each.done} of ${each.of}`)).toEqual([
      '1 of 5',
      '2 of 5',
      '3 of 5',
      '4 of 5',
      '5 of 5',
    ]);
    expect(progress.at(-1)?.points.map((point) => point.label)).toEqual(points.map((point) => point.label));
  });
});
