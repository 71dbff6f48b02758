import { describe, expect, it } from 'vitest';
import { contactFormDeadline } from '../../../../shared/rules/contact-form-deadline';
import { describeDueBy } from '../../../../shared/rules/contact-form-due-text';

describe('the deadline as the author reads it while writing', () => {
  it.each([
    [
      // Clocks go back at 02:00 BST on 25 Oct 2026: 48 real hours after 17:30 BST Saturday is 16:30 GMT Monday.
      'a contact ending 17:30 BST on Saturday, read on Sunday morning',
      '2026-10-24T16:30:00.000Z',
      '2026-10-25T09:30:00.000Z',
      'Due by Mon 26 Oct, 16:30 (in 31 hours)',
    ],
    [
      'an ordinary winter evening, 5 minutes left',
      '2026-11-16T17:30:00.000Z',
      '2026-11-18T17:25:00.000Z',
      'Due by Wed 18 Nov, 17:30 (in 5 minutes)',
    ],
    [
      'overdue by two days',
      '2026-11-10T09:00:00.000Z',
      '2026-11-14T10:00:00.000Z',
      'Due by Thu 12 Nov, 09:00 (overdue by 2 days)',
    ],
    [
      'due next year: the year is named',
      '2026-12-31T12:00:00.000Z',
      '2026-12-31T13:00:00.000Z',
      'Due by Sat 2 Jan 2027, 12:00 (in 47 hours)',
    ],
  ])('%s', (_, endedAt, now, expected) => {
    expect(describeDueBy(contactFormDeadline(endedAt), new Date(now), 'Europe/London')).toBe(expected);
  });

  it('due this very moment', () => {
    const dueAt = contactFormDeadline('2026-11-16T17:30:00.000Z');
    expect(describeDueBy(dueAt, new Date(dueAt), 'Europe/London')).toBe('Due by Wed 18 Nov, 17:30 (now)');
  });
});
