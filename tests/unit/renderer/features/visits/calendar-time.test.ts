import { describe, expect, it } from 'vitest';
import { instantToWallClock } from '../../../../../shared/home-time';
import {
  fromWallClockDate,
  rangeOf,
  stepDate,
  toWallClockDate,
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

describe('the home’s clock on the calendar, whatever the computer’s zone', () => {
  it.each(['2026-03-28T14:00:00.000Z', '2026-07-04T13:00:00.000Z', '2026-10-25T09:30:00.000Z'])(
    '%s goes to the calendar and back unchanged',
    (instant) => {
      expect(fromWallClockDate(toWallClockDate(instant, 'Europe/London'), 'Europe/London')).toBe(instant);
    },
  );

  it('shows British Summer Time as the office clock reads it', () => {
    const shown = toWallClockDate('2026-07-04T13:00:00.000Z', 'Europe/London');
    expect([shown.getHours(), shown.getMinutes()]).toEqual([14, 0]);
    expect(instantToWallClock('2026-07-04T13:00:00.000Z', 'Europe/London')).toEqual({
      date: '2026-07-04',
      time: '14:00',
    });
  });
});
