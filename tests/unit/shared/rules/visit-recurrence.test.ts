import { describe, expect, it } from 'vitest';
import { instantToWallClock, wallClockToInstant } from '../../../../shared/home-time';
import {
  expandRecurrence,
  maxOccurrences,
  type RecurrenceInput,
} from '../../../../shared/rules/visit-recurrence';

const london = 'Europe/London';
const base: RecurrenceInput = {
  date: '2026-03-07',
  startTime: '14:00',
  endTime: '16:00',
  frequency: 'weekly',
  until: '2026-04-04',
  timeZone: london,
};

function expanded(input: Partial<RecurrenceInput>) {
  const result = expandRecurrence({ ...base, ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('repeating visits keep their wall-clock time in the home’s zone', () => {
  it('a weekly Saturday 14:00 visit stays at 14:00 on the office clock across the spring clock change', () => {
    const occurrences = expanded({});
    expect(occurrences.map((o) => o.date)).toEqual([
      '2026-03-07',
      '2026-03-14',
      '2026-03-21',
      '2026-03-28',
      '2026-04-04',
    ]);
    // GMT before 29 March 2026, BST after: the instant moves by an hour, the clock time does not.
    expect(occurrences.map((o) => o.startsAt)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-14T14:00:00.000Z',
      '2026-03-21T14:00:00.000Z',
      '2026-03-28T14:00:00.000Z',
      '2026-04-04T13:00:00.000Z',
    ]);
    expect(occurrences.every((o) => instantToWallClock(o.startsAt, london).time === '14:00')).toBe(true);
    expect(occurrences.every((o) => instantToWallClock(o.endsAt, london).time === '16:00')).toBe(true);
  });

  it('an autumn series keeps 10:00 after the clocks go back', () => {
    const occurrences = expanded({
      date: '2026-10-17',
      startTime: '10:00',
      endTime: '11:00',
      until: '2026-10-31',
    });
    expect(occurrences.map((o) => o.startsAt)).toEqual([
      '2026-10-17T09:00:00.000Z',
      '2026-10-24T09:00:00.000Z',
      '2026-10-31T10:00:00.000Z',
    ]);
  });

  it('a visit on the night the clocks change lasts the hours the clock shows less the lost hour', () => {
    const [night] = expanded({ date: '2026-03-29', startTime: '00:30', endTime: '03:30', frequency: 'none' });
    expect(night?.startsAt).toBe('2026-03-29T00:30:00.000Z');
    expect(night?.endsAt).toBe('2026-03-29T02:30:00.000Z');
  });

  it('a time that does not exist on the spring-forward night is read as the clock reads it after the change', () => {
    const instant = wallClockToInstant('2026-03-29', '01:30', london);
    expect(instant && instantToWallClock(instant, london).time).toBe('02:30');
  });
});

describe('how often a series repeats', () => {
  it.each<[RecurrenceInput['frequency'], string, string, string[]]>([
    ['none', '2026-09-05', '', ['2026-09-05']],
    ['weekly', '2026-09-05', '2026-09-26', ['2026-09-05', '2026-09-12', '2026-09-19', '2026-09-26']],
    ['fortnightly', '2026-09-05', '2026-10-17', ['2026-09-05', '2026-09-19', '2026-10-03', '2026-10-17']],
    ['fortnightly', '2026-09-05', '2026-10-16', ['2026-09-05', '2026-09-19', '2026-10-03']],
    ['monthly', '2026-09-15', '2026-12-15', ['2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15']],
    // The 31st falls on a shorter month's last day and comes back to the 31st after it.
    [
      'monthly',
      '2027-01-31',
      '2027-05-31',
      ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'],
    ],
    ['monthly', '2028-01-31', '2028-02-29', ['2028-01-31', '2028-02-29']],
    ['weekly', '2026-12-26', '2027-01-09', ['2026-12-26', '2027-01-02', '2027-01-09']],
  ])('%s from %s until %s falls on the expected dates', (frequency, date, until, dates) => {
    expect(expanded({ frequency, date, until }).map((o) => o.date)).toEqual(dates);
  });

  it('runs up to and including the last date', () => {
    expect(expanded({ until: '2026-03-21' }).at(-1)?.date).toBe('2026-03-21');
  });

  it(`refuses a series of more than ${maxOccurrences} visits with a message, rather than cutting it short`, () => {
    const result = expandRecurrence({ ...base, until: '2029-03-07' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/more than 104 visits.*earlier last date/);
  });

  it('asks for the last date of a repeating series', () => {
    const result = expandRecurrence({ ...base, until: undefined });
    expect(result.ok ? '' : result.error.message).toBe('Enter the date the visits stop repeating.');
  });
});

describe('single occurrences of a series', () => {
  it('a cancelled occurrence is left out and the rest stay', () => {
    expect(expanded({ cancelledDates: ['2026-03-21'] }).map((o) => o.date)).toEqual([
      '2026-03-07',
      '2026-03-14',
      '2026-03-28',
      '2026-04-04',
    ]);
  });

  it('a moved occurrence happens on its new day and time, still in the series, in date order', () => {
    const occurrences = expanded({
      movedDates: { '2026-03-14': { date: '2026-03-29', startTime: '11:00', endTime: '12:00' } },
    });
    expect(occurrences.map((o) => [o.patternDate, o.date, o.isMoved])).toEqual([
      ['2026-03-07', '2026-03-07', false],
      ['2026-03-21', '2026-03-21', false],
      ['2026-03-28', '2026-03-28', false],
      ['2026-03-14', '2026-03-29', true],
      ['2026-04-04', '2026-04-04', false],
    ]);
    expect(occurrences[3]?.startsAt).toBe('2026-03-29T10:00:00.000Z');
  });
});
