import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateOf,
  clockTime,
  clockTimeWithSeconds,
  dayAndTime,
  longDate,
  dayStartMs,
  endOfDayIn,
  instantToWallClock,
  mondayOf,
  startOfDayBefore,
  startOfDayIn,
  wallClockToInstant,
  weekdayDayAndTime,
} from '../../../shared/home-time';

const london = 'Europe/London';

describe('today on the home’s clock', () => {
  it.each([
    ['a winter evening (GMT = UTC)', '2026-01-15T23:30:00.000Z', '2026-01-15'],
    [
      'half past midnight in summer time, still the day before in UTC',
      '2026-07-14T23:30:00.000Z',
      '2026-07-15',
    ],
    ['the night the clocks go forward, a second before', '2026-03-29T00:59:59.000Z', '2026-03-29'],
    ['the night the clocks go back, just before midnight BST', '2026-10-24T22:59:00.000Z', '2026-10-24'],
    ['the night the clocks go back, just after midnight BST', '2026-10-24T23:01:00.000Z', '2026-10-25'],
  ])('%s', (_when, instant, expected) => {
    expect(calendarDateOf(instant, london)).toBe(expected);
    expect(calendarDateOf(new Date(instant), london)).toBe(expected);
    expect(calendarDateOf(Date.parse(instant), london)).toBe(expected);
  });

  it('is another date in another zone', () => {
    expect(calendarDateOf('2026-07-14T23:30:00.000Z', 'America/New_York')).toBe('2026-07-14');
  });
});

describe('when a day starts and ends on the home’s clock', () => {
  it.each([
    ['a summer day starts at 23:00 UTC the day before', '2026-07-14', '2026-07-13T23:00:00.000Z'],
    ['a winter day starts at midnight UTC', '2026-11-23', '2026-11-23T00:00:00.000Z'],
    ['the day the clocks go forward starts at midnight GMT', '2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['the day after the clocks go forward starts at 23:00 UTC', '2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['the day the clocks go back starts at midnight BST', '2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['the day after the clocks go back starts at midnight GMT', '2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('%s', (_why, date, instant) => {
    expect(startOfDayIn(date, london)).toBe(instant);
    expect(dayStartMs(date, london)).toBe(Date.parse(instant));
  });

  it('gives instants in UTC, so they compare as strings with the instants records keep', () => {
    // A disclosure at 00:30 on 1 June, summer time, is on 1 June: it falls inside "from 1 June".
    const at = '2026-05-31T23:30:00.000Z';
    expect(at >= startOfDayIn('2026-06-01', london)).toBe(true);
    expect(at < endOfDayIn('2026-05-31', london)).toBe(false);
  });

  it.each([
    // Half past midnight on 1 July, summer time: 14 days before is 17 June, from its midnight BST.
    ['just after midnight in summer time', '2026-06-30T23:30:00.000Z', '2026-06-16T23:00:00.000Z'],
    ['a winter afternoon', '2026-11-23T15:00:00.000Z', '2026-11-09T00:00:00.000Z'],
    // 8 November in GMT; 14 days before is 25 October, the day the clocks went back, from midnight BST.
    ['across the clocks going back', '2026-11-08T09:00:00.000Z', '2026-10-24T23:00:00.000Z'],
  ])('a window of the last 14 days opens at midnight on the home’s clock: %s', (_when, now, opens) => {
    expect(startOfDayBefore(now, 14, london)).toBe(opens);
  });

  it('counts the 23-hour and 25-hour days as whole days', () => {
    const hours = (date: string) =>
      (Date.parse(endOfDayIn(date, london)) - Date.parse(startOfDayIn(date, london))) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-07-14')).toBe(24);
  });
});

describe('wall-clock times and instants', () => {
  it.each([
    ['a summer evening', '2026-07-14', '18:00', '2026-07-14T17:00:00.000Z'],
    ['a winter evening', '2026-11-23', '18:00', '2026-11-23T18:00:00.000Z'],
    ['just before the clocks go forward', '2026-03-29', '00:59', '2026-03-29T00:59:00.000Z'],
    [
      'a time the clocks skip, read as that time after the change',
      '2026-03-29',
      '01:30',
      '2026-03-29T01:30:00.000Z',
    ],
    ['just after the clocks go forward', '2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'],
    ['the first half hour of the day the clocks go back', '2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'],
    [
      'a time that happens twice, read after the clocks went back',
      '2026-10-25',
      '01:30',
      '2026-10-25T01:30:00.000Z',
    ],
  ])('%s: %s %s', (_why, date, time, instant) => {
    expect(wallClockToInstant(date, time, london)).toBe(instant);
  });

  it.each([
    ['2026-07-14T17:00:00.000Z', { date: '2026-07-14', time: '18:00' }],
    ['2026-10-25T00:30:00.000Z', { date: '2026-10-25', time: '01:30' }],
    ['2026-10-25T01:30:00.000Z', { date: '2026-10-25', time: '01:30' }],
    ['2026-07-14T23:05:00.000Z', { date: '2026-07-15', time: '00:05' }],
  ])('%s is %o on the wall', (instant, wall) => {
    expect(instantToWallClock(instant, london)).toEqual(wall);
  });

  it.each([
    ['', '10:00'],
    ['2026-07-14', ''],
    ['14/07/2026', '10:00'],
    ['2026-07-14', '10am'],
  ])('"%s" at "%s" is not a time', (date, time) => {
    expect(wallClockToInstant(date, time, london)).toBeUndefined();
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i days is %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('gives the same date asked again, and after more dates than it keeps (property)', () => {
    const byUtc = (from: string, days: number) =>
      new Date(Date.parse(`${from}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        (instant, days) => {
          const from = instant.toISOString().slice(0, 10);
          expect(addDays(from, days)).toBe(byUtc(from, days));
          expect(addDays(from, days)).toBe(byUtc(from, days));
        },
      ),
      { numRuns: 25_000 },
    );
  });

  it.each([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});

describe('times as the wall clock in the home shows them', () => {
  it.each([
    [
      '2026-07-14T13:05:07.000Z',
      '14:05',
      '14:05:07',
      '14 Jul 2026, 14:05',
      'Tue, 14 Jul 2026, 14:05',
      '14 July 2026',
    ],
    [
      '2026-11-23T09:00:00.000Z',
      '09:00',
      '09:00:00',
      '23 Nov 2026, 09:00',
      'Mon, 23 Nov 2026, 09:00',
      '23 November 2026',
    ],
    // Past midnight in British Summer Time: the next day on the home's clock, still the 14th in UTC.
    [
      '2026-07-14T23:30:59.900Z',
      '00:30',
      '00:30:59',
      '15 Jul 2026, 00:30',
      'Wed, 15 Jul 2026, 00:30',
      '15 July 2026',
    ],
  ])('%s', (instant, time, toTheSecond, full, withWeekday, date) => {
    expect(clockTime(instant, london)).toBe(time);
    expect(clockTimeWithSeconds(instant, london)).toBe(toTheSecond);
    expect(dayAndTime(instant, london)).toBe(full);
    expect(weekdayDayAndTime(instant, london)).toBe(withWeekday);
    expect(longDate(instant, london)).toBe(date);
  });

  it('is the home’s clock whatever zone the computer itself is set to', () => {
    // A shared office computer left on UTC, or set to another zone: the home's time still shows.
    const summerEvening = '2026-07-14T23:30:00.000Z';
    expect(clockTime(summerEvening, london)).toBe('00:30');
    expect(clockTime(summerEvening, 'UTC')).toBe('23:30');
    expect(longDate(summerEvening, london)).toBe('15 July 2026');
    expect(longDate(summerEvening, 'America/New_York')).toBe('14 July 2026');
  });
});
