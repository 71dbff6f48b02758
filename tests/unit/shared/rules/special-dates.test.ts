import { describe, expect, it } from 'vitest';
import {
  daysAwayWords,
  occurrenceIn,
  specialDateReminderText,
  specialDatesDue,
  specialDateWords,
} from '../../../../shared/rules/special-dates';

const date = (day: number, month: number, year?: number) => ({ id: `${day}-${month}`, day, month, year });

describe('the day a special date falls in a year', () => {
  it.each([
    [date(11, 12), 2026, '2026-12-11'],
    [date(1, 1), 2027, '2027-01-01'],
    [date(29, 2), 2028, '2028-02-29'],
    // No 29 February: the 28th, so a card is never late and the day stays in February.
    [date(29, 2), 2027, '2027-02-28'],
    [date(29, 2), 2100, '2100-02-28'],
    [date(29, 2), 2000, '2000-02-29'],
  ])('%o in %i falls on %s', (special, year, expected) => {
    expect(occurrenceIn(special, year)).toBe(expected);
  });
});

describe('which special dates are due: from a week before until the day', () => {
  it.each([
    ['on the day itself', '2026-12-11', date(11, 12), '2026-12-11', 0],
    ['five days ahead', '2026-12-06', date(11, 12), '2026-12-11', 5],
    ['exactly seven days ahead', '2026-12-04', date(11, 12), '2026-12-11', 7],
    ['across the year end', '2026-12-28', date(2, 1), '2027-01-02', 5],
    ['on New Year’s Eve for New Year’s Day', '2026-12-31', date(1, 1), '2027-01-01', 1],
    ['29 February in a leap year', '2028-02-24', date(29, 2), '2028-02-29', 5],
    ['29 February in a year without one, on the 28th', '2027-02-21', date(29, 2), '2027-02-28', 7],
  ])('%s', (_case, today, special, on, daysAway) => {
    expect(specialDatesDue([special], today).map((due) => [due.on, due.daysAway])).toEqual([[on, daysAway]]);
  });

  it.each([
    ['eight days ahead', '2026-12-03', date(11, 12)],
    ['the day after', '2026-12-12', date(11, 12)],
    ['29 February seen from 1 March in a year without one', '2027-03-01', date(29, 2)],
    ['a January date seen from early December', '2026-12-01', date(5, 1)],
  ])('not %s', (_case, today, special) => {
    expect(specialDatesDue([special], today)).toEqual([]);
  });

  it('soonest first, with the age they reach when the year is known', () => {
    const due = specialDatesDue([date(2, 1, 1966), date(30, 12), date(29, 12, 2030)], '2026-12-28');
    expect(due.map((entry) => [entry.on, entry.turns])).toEqual([
      ['2026-12-29', undefined],
      ['2026-12-30', undefined],
      ['2027-01-02', 61],
    ]);
  });

  it('a longer or shorter notice when asked', () => {
    expect(specialDatesDue([date(11, 12)], '2026-12-01', 10)).toHaveLength(1);
    expect(specialDatesDue([date(11, 12)], '2026-12-10', 0)).toEqual([]);
  });
});

describe('the words', () => {
  it('the reminder says whose, what, when, and what to do', () => {
    expect(specialDateReminderText({ relationship: 'mum', label: 'birthday', on: '2026-12-11' })).toBe(
      'Mum’s birthday on 11 December: support a card or call',
    );
    expect(
      specialDateReminderText({ relationship: '', label: 'wedding anniversary', on: '2027-01-02' }),
    ).toBe('Wedding anniversary on 2 January: support a card or call');
  });

  it('days away, and a date as kept', () => {
    expect([0, 1, 5].map(daysAwayWords)).toEqual(['today', 'tomorrow', 'in 5 days']);
    expect(specialDateWords(date(29, 2))).toBe('29 February');
    expect(specialDateWords(date(11, 12, 1970))).toBe('11 December 1970');
  });
});
