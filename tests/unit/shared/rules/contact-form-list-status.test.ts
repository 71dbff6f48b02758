import { describe, expect, it } from 'vitest';
import { listedStatusOf, matchesListStatus } from '../../../../shared/rules/contact-form-list-status';

const dueAt = '2026-10-26T16:30:00.000Z';
const now = new Date('2026-10-26T12:00:00.000Z');

describe('where a form stands in the list', () => {
  it.each([
    ['a draft before its deadline', { status: 'draft', dueAt }, now, 'due'],
    ['a draft at the very deadline', { status: 'draft', dueAt }, new Date(dueAt), 'due'],
    ['a draft a minute past it', { status: 'draft', dueAt }, new Date('2026-10-26T16:31:00.000Z'), 'overdue'],
    ['filed at the very deadline', { status: 'filed', dueAt, filedAt: dueAt }, now, 'filed'],
    [
      'filed a second late',
      { status: 'filed', dueAt, filedAt: '2026-10-26T16:30:01.000Z' },
      now,
      'filedLate',
    ],
    ['an imported filed form with no filing time', { status: 'filed', dueAt }, now, 'filed'],
  ] as const)('%s is %s', (_, form, at, expected) => {
    expect(listedStatusOf(form, at)).toBe(expected);
  });

  it.each([
    ['draft', { status: 'draft', dueAt }, true],
    ['draft', { status: 'filed', dueAt, filedAt: dueAt }, false],
    ['due', { status: 'draft', dueAt }, true],
    ['overdue', { status: 'draft', dueAt }, false],
    ['filed', { status: 'filed', dueAt, filedAt: '2026-10-27T09:00:00.000Z' }, true],
    ['filedLate', { status: 'filed', dueAt, filedAt: '2026-10-27T09:00:00.000Z' }, true],
    ['filedLate', { status: 'filed', dueAt, filedAt: dueAt }, false],
  ] as const)('the %s filter: %j → %s', (wanted, form, expected) => {
    expect(matchesListStatus(form, wanted, now)).toBe(expected);
  });
});
