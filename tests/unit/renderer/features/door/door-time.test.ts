import { describe, expect, it } from 'vitest';
import { calendarDateOf, clockTime, startOfDayInstant } from '../../../../../renderer/src/common/door-time';
import { notSignedOutText } from '../../../../../renderer/src/features/door/not-signed-out';

const london = 'Europe/London';

describe('the door’s clock is the home’s clock', () => {
  it.each([
    ['a summer day starts at 23:00 UTC the day before', '2026-07-14', '2026-07-13T23:00:00.000Z'],
    ['a winter day starts at midnight UTC', '2026-11-23', '2026-11-23T00:00:00.000Z'],
    ['the day the clocks go forward starts at midnight GMT', '2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['the day after the clocks go back starts at midnight GMT', '2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('%s', (_why, date, instant) => {
    expect(startOfDayInstant(date, london)).toBe(instant);
  });

  it('writes times and dates as the wall clock in the home shows them', () => {
    expect(clockTime('2026-07-14T13:05:00.000Z', london)).toBe('14:05');
    expect(calendarDateOf('2026-07-14T23:30:00.000Z', london)).toBe('2026-07-15');
  });
});

describe('visitors not signed out', () => {
  it.each([
    ['arrived today: nothing to flag', '2026-11-23T09:00:00.000Z', undefined],
    ['arrived yesterday evening', '2026-11-22T19:30:00.000Z', 'Not signed out yesterday'],
    ['arrived earlier in the week', '2026-11-19T10:00:00.000Z', 'Not signed out on 19 Nov 2026'],
  ])('%s', (_why, arrivedAt, expected) => {
    expect(notSignedOutText({ arrivedAt }, '2026-11-23', london)).toBe(expected);
  });

  it('counts a summer visitor who came at 00:30 (23:30 UTC) as arriving today', () => {
    expect(notSignedOutText({ arrivedAt: '2026-07-13T23:30:00.000Z' }, '2026-07-14', london)).toBeUndefined();
  });
});
