import { describe, expect, it } from 'vitest';
import { recordsGoneWords, recordsNamed } from '../../../../shared/rules/records-gone';

const [form, visitor, correction] = ['form-1', 'entry-1', 'entry-2'];

describe('the rows the audit log says were recorded', () => {
  it('are named by the entries that recorded them, each once, by register', () => {
    const named = recordsNamed([
      { action: 'contact-form.started', recordId: form },
      { action: 'contact-form.saved', recordId: form },
      { action: 'visitor.signed-in', recordId: visitor },
      { action: 'visitor.signed-out', recordId: visitor },
      { action: 'visitor.amended', recordId: correction },
      { action: 'visitor.signed-in', recordId: visitor },
    ]);
    expect([...named]).toEqual([
      ['contactForms', [form]],
      ['visitorLog', [visitor, correction]],
    ]);
  });

  it('leave out entries that record nothing new, or name no row', () => {
    expect(
      recordsNamed([
        { action: 'restriction.recorded', recordId: 'restriction-1' },
        { action: 'contact-form.imported', recordId: undefined },
        { action: 'sign-in', recordId: undefined },
      ]).size,
    ).toBe(0);
  });
});

describe('what the check says is gone', () => {
  it.each([
    [[], undefined],
    [[{ table: 'contactForms', ids: [form] }], '1 contact form'],
    [[{ table: 'visitorLog', ids: [visitor, correction] }], '2 visitor register entries'],
    [
      [
        { table: 'contactForms', ids: [form] },
        { table: 'visits', ids: ['visit-1', 'visit-2'] },
        { table: 'declarations', ids: ['declaration-1'] },
      ],
      '1 contact form, 2 booked visits and 1 declaration',
    ],
  ] as const)('%j reads as %s', (gone, words) => {
    expect(recordsGoneWords(gone)).toBe(words);
  });
});
