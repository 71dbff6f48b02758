import { describe, expect, it } from 'vitest';
import {
  optionalTypedDateSchema,
  readTypedDate,
  readTypedDateRange,
  readTypedTime,
  typedDateSchema,
  typedTimeSchema,
  ukDateText,
} from '../../../../shared/schemas/typed-date-time';

describe('a date as staff type it', () => {
  it.each([
    ['day/month/year', '26/10/2026', '2026-10-26'],
    ['single digits', '3/9/2026', '2026-09-03'],
    ['a two-digit year is this century', '26/10/26', '2026-10-26'],
    ['dashes', '26-10-2026', '2026-10-26'],
    ['dots', '26.10.2026', '2026-10-26'],
    ['spaces', '26 10 2026', '2026-10-26'],
    ['spaces around the slashes', ' 26 / 10 / 2026 ', '2026-10-26'],
    ['the ISO form (what older drafts and the calendar hold)', '2026-10-26', '2026-10-26'],
    ['a leap day', '29/02/2028', '2028-02-29'],
  ])('%s: %s is %s', (_, typed, iso) => {
    expect(readTypedDate(typed)).toEqual({ kind: 'date', isoDate: iso });
  });

  it.each([
    ['what a browser date field made of 10/12/2026 typed over a date', '10/12/122026'],
    ['month first with words', 'Oct 26 2026'],
    ['no year', '26/10'],
    ['letters', 'yesterday'],
    ['a three-digit year', '26/10/202'],
  ])('%s (%s) is not read as a date', (_, typed) => {
    expect(readTypedDate(typed)).toEqual({ kind: 'unreadable' });
  });

  it.each([
    ['30 February', '30/02/2026', 30, 2],
    ['29 February in a common year', '29/02/2026', 29, 2],
    ['month 13', '12/13/2026', 12, 13],
    ['day 0', '0/10/2026', 0, 10],
  ])('%s does not exist', (_, typed, day, month) => {
    expect(readTypedDate(typed)).toMatchObject({ kind: 'no-such-day', day, month });
  });

  it('an empty field is empty', () => expect(readTypedDate('  ')).toEqual({ kind: 'empty' }));
  it('shows ISO dates the UK way', () => {
    expect(ukDateText('2026-10-26')).toBe('26/10/2026');
    expect(ukDateText('26/10/2026')).toBe('26/10/2026');
  });
});

describe('the messages name the field and the fix', () => {
  const schema = typedDateSchema('the date of the contact');
  const message = (typed: string) => {
    const parsed = schema.safeParse(typed);
    return parsed.success ? undefined : parsed.error.issues[0]?.message;
  };
  it.each([
    ['', 'Enter the date of the contact, for example 26/10/2026.'],
    ['10/12/122026', 'Enter the date of the contact as day/month/year, for example 26/10/2026.'],
    ['31/04/2026', 'There is no 31 April 2026. Check the date of the contact.'],
    [
      '12/13/2026',
      'There is no month 13. Enter the date of the contact as day/month/year, for example 26/10/2026.',
    ],
  ])('%j', (typed, expected) => expect(message(typed)).toBe(expected));

  it('a good date comes out as YYYY-MM-DD', () => expect(schema.parse('3/9/2026')).toBe('2026-09-03'));
  it('an optional date may be empty, but not wrong', () => {
    const optional = optionalTypedDateSchema('the date of the next contact');
    expect(optional.parse('')).toBe('');
    expect(optional.parse('1/11/2026')).toBe('2026-11-01');
    expect(optional.safeParse('31/11/2026').success).toBe(false);
  });
});

describe('a time of day as staff type it', () => {
  it.each([
    ['18:30', '18:30'],
    ['1830', '18:30'],
    ['18.30', '18:30'],
    ['6:05', '06:05'],
    ['0930', '09:30'],
    ['6.30pm', '18:30'],
    ['6:30 PM', '18:30'],
    ['12am', '00:00'],
    ['12.15pm', '12:15'],
    ['7pm', '19:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('%s is %s', (typed, time) => expect(readTypedTime(typed)).toEqual({ kind: 'time', time }));

  it.each(['24:00', '18:60', '18', '13pm', 'half six', '18:3', '1:2:3'])('%s is not a time', (typed) =>
    expect(readTypedTime(typed)).toEqual({ kind: 'unreadable' }),
  );

  it('says which field and how to fix it', () => {
    const schema = typedTimeSchema('the time it started');
    const empty = schema.safeParse('');
    const wrong = schema.safeParse('25:00');
    expect(empty.success ? '' : empty.error.issues[0]?.message).toBe(
      'Enter the time it started, for example 18:30.',
    );
    expect(wrong.success ? '' : wrong.error.issues[0]?.message).toBe(
      'Enter the time it started on the 24-hour clock, for example 18:30 (or 6.30pm).',
    );
  });
});

describe('a from-to pair typed into a filter', () => {
  it('empty boxes are no limit and no problem', () => {
    expect(readTypedDateRange('', ' ')).toEqual({
      fromDate: undefined,
      toDate: undefined,
      fromProblem: undefined,
      toProblem: undefined,
    });
  });

  it('reads both days', () => {
    expect(readTypedDateRange('1/9/2026', '31/12/2026')).toMatchObject({
      fromDate: '2026-09-01',
      toDate: '2026-12-31',
    });
  });

  it('a half-typed date is named, not used, and the other day still applies', () => {
    const range = readTypedDateRange('26/10', '31/12/2026');
    expect(range.fromDate).toBeUndefined();
    expect(range.fromProblem).toBe('Enter the first day as day/month/year, for example 26/10/2026.');
    expect(range.toDate).toBe('2026-12-31');
  });

  it('a day that does not exist is a problem', () => {
    expect(readTypedDateRange('', '31/2/2027').toProblem).toBe(
      'Enter the last day as day/month/year, for example 26/10/2026.',
    );
  });

  it('a last day before the first is refused in words; the same day is fine', () => {
    const backwards = readTypedDateRange('2/9/2026', '1/9/2026');
    expect(backwards.toProblem).toBe('The last day is before the first. Make it the same day or later.');
    expect(backwards.toDate).toBeUndefined();
    expect(backwards.fromDate).toBe('2026-09-02');
    expect(readTypedDateRange('1/9/2026', '1/9/2026').toDate).toBe('2026-09-01');
  });
});
