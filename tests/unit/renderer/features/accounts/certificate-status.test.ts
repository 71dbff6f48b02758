import { describe, expect, it } from 'vitest';
import { certificateStatusText } from '../../../../../renderer/src/features/accounts/certificate-status';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('what the staff list says about a signing certificate', () => {
  it.each([
    [
      'none, a colleague’s',
      undefined,
      false,
      'no signing certificate (reset their password to issue a new one)',
    ],
    ['none, your own', undefined, true, 'no signing certificate: renew it with “Renew my certificate”'],
    [
      'expired yesterday, a colleague’s',
      '2026-11-22T10:00:00.000Z',
      false,
      'signing certificate expired on 22 November 2026: nothing can be signed until you reset their password to issue a new one',
    ],
    [
      'expiring in 30 days, your own',
      '2026-12-23T10:00:00.000Z',
      true,
      'signing certificate expires on 23 December 2026: renew it with “Renew my certificate”',
    ],
    ['expiring in exactly 60 days', '2027-01-22T10:00:00.000Z', false, expect.stringContaining('expires on')],
    ['valid for years', '2031-11-23T10:00:00.000Z', false, undefined],
    ['an unreadable date', 'not a date', false, undefined],
  ])('%s', (_case, until, isOwn, expected) => {
    expect(certificateStatusText(until, isOwn, now, 'Europe/London')).toEqual(expected);
  });

  it('gives the day the certificate ends on the home’s clock, not the computer’s', () => {
    // 23:30 UTC on 22 December is already the 23rd in a home an hour ahead of UTC.
    const until = '2026-12-22T23:30:00.000Z';
    expect(certificateStatusText(until, true, now, 'Europe/London')).toContain('expires on 22 December 2026');
    expect(certificateStatusText(until, true, now, 'Europe/Paris')).toContain('expires on 23 December 2026');
  });
});
