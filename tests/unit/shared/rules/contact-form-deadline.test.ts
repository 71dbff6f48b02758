import { describe, expect, it } from 'vitest';
import {
  contactFormDeadline,
  contactFormStatus,
  describeContactFormStatus,
  describeSpan,
  formatDeadlineInstant,
} from '../../../../shared/rules/contact-form-deadline';

const endedAt = '2026-11-16T15:00:00.000Z';

describe('a contact form is due 48 real hours after the contact ended', () => {
  it.each([
    [
      'an ordinary week in winter (GMT)',
      '2026-11-16T15:00:00.000Z',
      '2026-11-18T15:00:00.000Z',
      'Wed 18 Nov 2026, 15:00 GMT',
    ],
    [
      'an ordinary week in summer (BST)',
      '2026-07-06T13:30:00.000Z',
      '2026-07-08T13:30:00.000Z',
      'Wed 8 Jul 2026, 14:30 BST',
    ],
    // Clocks go back at 02:00 BST on 25 Oct 2026: noon Saturday BST + 48 real hours is 11:00 GMT Monday.
    [
      'across the October clock change',
      '2026-10-24T11:00:00.000Z',
      '2026-10-26T11:00:00.000Z',
      'Mon 26 Oct 2026, 11:00 GMT',
    ],
    // Clocks go forward at 01:00 GMT on 29 Mar 2026: 18:00 GMT Friday + 48 real hours is 19:00 BST Sunday.
    [
      'across the March clock change',
      '2026-03-27T18:00:00.000Z',
      '2026-03-29T18:00:00.000Z',
      'Sun 29 Mar 2026, 19:00 BST',
    ],
    [
      'ending in the repeated hour of the October change',
      '2026-10-25T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
      'Tue 27 Oct 2026, 01:30 GMT',
    ],
  ])('%s', (_case, contactEndedAt, dueAt, shownAs) => {
    expect(contactFormDeadline(contactEndedAt)).toBe(dueAt);
    expect(Date.parse(dueAt) - Date.parse(contactEndedAt)).toBe(48 * 3_600_000);
    expect(formatDeadlineInstant(dueAt, 'Europe/London')).toBe(shownAs);
  });

  // Seed 004 §5.2.1 says "within 48 hours", not two working days: a weekend does not stop the clock.
  it('across a weekend: a contact ending on Friday afternoon is due on Sunday afternoon', () => {
    const dueAt = contactFormDeadline('2026-11-20T16:00:00.000Z');
    expect(formatDeadlineInstant(dueAt, 'Europe/London')).toBe('Sun 22 Nov 2026, 16:00 GMT');
    expect(
      contactFormStatus({ contactEndedAt: '2026-11-20T16:00:00.000Z' }, new Date('2026-11-23T09:00:00.000Z')),
    ).toMatchObject({ kind: 'overdue', hoursOverdue: 17 });
  });

  it('uses the number of hours the home has set', () => {
    expect(contactFormDeadline(endedAt, 24)).toBe('2026-11-17T15:00:00.000Z');
    expect(contactFormDeadline(endedAt, 72)).toBe('2026-11-19T15:00:00.000Z');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s hours as the time allowed', (hours) => {
    expect(() => contactFormDeadline(endedAt, hours)).toThrow(RangeError);
  });

  it('refuses an end time that is not a date', () => {
    expect(() => contactFormDeadline('next Tuesday')).toThrow(RangeError);
  });
});

describe('where a form stands', () => {
  const now = new Date('2026-11-17T10:00:00.000Z');
  it.each([
    [
      'filed exactly 48 hours after: on time',
      { filedAt: '2026-11-18T15:00:00.000Z' },
      now,
      'filedOnTime',
      'filed on time',
    ],
    [
      'filed one minute after 48 hours: late',
      { filedAt: '2026-11-18T15:01:00.000Z' },
      now,
      'filedLate',
      'filed 1 minute late',
    ],
    [
      'filed 3 hours 20 minutes late',
      { filedAt: '2026-11-18T18:20:00.000Z' },
      now,
      'filedLate',
      'filed 3 hours late',
    ],
    ['filed three days late', { filedAt: '2026-11-21T16:00:00.000Z' }, now, 'filedLate', 'filed 3 days late'],
    ['filed the moment the contact ended', { filedAt: endedAt }, now, 'filedOnTime', 'filed on time'],
    ['not filed, 29 hours left', {}, now, 'due', 'due in 29 hours'],
    ['not filed, 5 hours 30 left', {}, new Date('2026-11-18T09:30:00.000Z'), 'due', 'due in 5 hours'],
    ['not filed, 40 minutes left', {}, new Date('2026-11-18T14:20:00.000Z'), 'due', 'due in 40 minutes'],
    ['not filed, at the deadline itself', {}, new Date('2026-11-18T15:00:00.000Z'), 'due', 'due now'],
    [
      'not filed, one minute past',
      {},
      new Date('2026-11-18T15:01:00.000Z'),
      'overdue',
      'overdue by 1 minute',
    ],
    ['not filed, 2 days past', {}, new Date('2026-11-20T17:00:00.000Z'), 'overdue', 'overdue by 2 days'],
  ] as const)('%s', (_case, filing, at, kind, words) => {
    const status = contactFormStatus({ contactEndedAt: endedAt, ...filing }, at);
    expect(status.kind).toBe(kind);
    expect(describeContactFormStatus(status)).toBe(words);
  });

  it('counts lateness in real hours across the October clock change', () => {
    const status = contactFormStatus(
      { contactEndedAt: '2026-10-24T11:00:00.000Z', filedAt: '2026-10-26T13:00:00.000Z' },
      now,
    );
    expect(status).toEqual({
      kind: 'filedLate',
      dueAt: '2026-10-26T11:00:00.000Z',
      filedAt: '2026-10-26T13:00:00.000Z',
      hoursLate: 2,
    });
  });

  it('gives exact hours, so callers can round as they show them', () => {
    const status = contactFormStatus({ contactEndedAt: endedAt }, new Date('2026-11-18T16:30:00.000Z'));
    expect(status).toEqual({ kind: 'overdue', dueAt: '2026-11-18T15:00:00.000Z', hoursOverdue: 1.5 });
  });

  it('flags a form filed before the contact ended instead of calling it on time', () => {
    const status = contactFormStatus({ contactEndedAt: endedAt, filedAt: '2026-11-16T14:59:00.000Z' }, now);
    expect(status).toEqual({
      kind: 'filedBeforeContactEnded',
      contactEndedAt: endedAt,
      filedAt: '2026-11-16T14:59:00.000Z',
    });
    expect(describeContactFormStatus(status)).toMatch(/check the dates/);
  });

  it('applies the home’s own time allowed', () => {
    expect(
      contactFormStatus({ contactEndedAt: endedAt, filedAt: '2026-11-17T16:00:00.000Z' }, now, 24).kind,
    ).toBe('filedLate');
    expect(
      contactFormStatus({ contactEndedAt: endedAt, filedAt: '2026-11-17T16:00:00.000Z' }, now, 48).kind,
    ).toBe('filedOnTime');
  });

  it('measures a form from its own stored due moment, whatever the home allows now', () => {
    const givenFortyEight = { contactEndedAt: endedAt, dueAt: '2026-11-18T15:00:00.000Z' };
    const filed = { ...givenFortyEight, filedAt: '2026-11-17T16:00:00.000Z' };
    expect(contactFormStatus(filed, now, 24)).toEqual({
      kind: 'filedOnTime',
      dueAt: '2026-11-18T15:00:00.000Z',
      filedAt: '2026-11-17T16:00:00.000Z',
    });
    expect(contactFormStatus(givenFortyEight, new Date('2026-11-18T09:00:00.000Z'), 24).kind).toBe('due');
  });
});

describe('spans in plain words', () => {
  it.each([
    [0.001, '1 minute'],
    [1 / 60, '1 minute'],
    [0.75, '45 minutes'],
    [1, '1 hour'],
    [47.9, '47 hours'],
    [48, '2 days'],
    [24 * 9 + 5, '9 days'],
  ])('%s hours reads as %s', (hours, words) => {
    expect(describeSpan(hours)).toBe(words);
  });
});
