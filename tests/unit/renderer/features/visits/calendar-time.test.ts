import { describe, expect, it } from 'vitest';
import {
  datesIn,
  rangeOf,
  stepDate,
  type CalendarView,
} from '../../../../../renderer/src/features/visits/calendar-time';

describe('what each calendar view shows (weeks start on Monday)', () => {
  it.each<[CalendarView, string, { from: string; to: string }]>([
    ['day', '2026-03-29', { from: '2026-03-29', to: '2026-03-30' }],
    ['week', '2026-03-29', { from: '2026-03-23', to: '2026-03-30' }],
    ['week', '2026-03-23', { from: '2026-03-23', to: '2026-03-30' }],
    ['week', '2026-12-31', { from: '2026-12-28', to: '2027-01-04' }],
    // March 2026 starts on a Sunday and ends on a Tuesday: whole weeks either side.
    ['month', '2026-03-15', { from: '2026-02-23', to: '2026-04-06' }],
    ['month', '2027-02-10', { from: '2027-02-01', to: '2027-03-01' }],
  ])('%s around %s', (view, date, range) => {
    expect(rangeOf(view, date)).toEqual(range);
  });

  it.each<[CalendarView, string, 1 | -1, string]>([
    ['day', '2026-03-31', 1, '2026-04-01'],
    ['week', '2026-03-25', -1, '2026-03-18'],
    ['month', '2026-01-31', 1, '2026-02-01'],
    ['month', '2026-01-15', -1, '2025-12-01'],
  ])('moving a %s from %s by %i lands on %s', (view, date, direction, expected) => {
    expect(stepDate(view, date, direction)).toBe(expected);
  });
});

describe('the dates a view draws', () => {
  it('a week is Monday to Sunday, one column each', () => {
    expect(datesIn(rangeOf('week', '2026-03-29'))).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
  });

  it('a month is whole weeks, across the clock change and the turn of the month', () => {
    const dates = datesIn(rangeOf('month', '2026-03-15'));
    expect(dates).toHaveLength(42);
    expect([dates[0], dates[41]]).toEqual(['2026-02-23', '2026-04-05']);
    expect(new Set(dates).size).toBe(42);
  });
});
