import { describe, expect, it } from 'vitest';
import { contactInstant } from '../../../../../renderer/src/features/contact-forms/contact-form-time';

const london = 'Europe/London';

describe('the instant a contact started, from the date and time the author typed', () => {
  it('is read on the home’s clock, summer and winter', () => {
    expect(contactInstant('2026-07-01', '18:15', london)).toBe('2026-07-01T17:15:00.000Z');
    expect(contactInstant('2026-12-01', '18:15', london)).toBe('2026-12-01T18:15:00.000Z');
  });

  it('is none for a time the clocks skipped (01:30 on the night they go forward)', () => {
    expect(contactInstant('2026-03-29', '01:30', london)).toBeUndefined();
    expect(contactInstant('2026-03-29', '02:30', london)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is the first of a time that came round twice (01:30 on the night they go back), so the form is due no later', () => {
    // 01:30 BST is 00:30 UTC; 01:30 GMT an hour later.
    expect(contactInstant('2026-10-25', '01:30', london)).toBe('2026-10-25T00:30:00.000Z');
    expect(contactInstant('2026-10-25', '00:30', london)).toBe('2026-10-24T23:30:00.000Z');
    expect(contactInstant('2026-10-25', '02:30', london)).toBe('2026-10-25T02:30:00.000Z');
  });
});
