import { describe, expect, it } from 'vitest';
import { addDays, calendarDateIn } from '../../../../../renderer/src/common/calendar-date';

describe('today on the home’s clock', () => {
  it.each([
    ['a winter evening (GMT = UTC)', '2026-01-15T23:30:00.000Z', '2026-01-15'],
    [
      'half past midnight in British Summer Time, still the day before in UTC',
      '2026-07-14T23:30:00.000Z',
      '2026-07-15',
    ],
    ['the night the clocks go forward', '2026-03-29T00:59:59.000Z', '2026-03-29'],
    ['the night the clocks go back, just before midnight BST', '2026-10-24T22:59:00.000Z', '2026-10-24'],
  ])('%s', (_when, instant, expected) => {
    expect(calendarDateIn('Europe/London', new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i days is %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});
