import { describe, expect, it } from 'vitest';
import { notSignedOutText } from '../../../../../renderer/src/features/door/not-signed-out';

const london = 'Europe/London';

describe('visitors not signed out', () => {
  it.each([
    ['arrived today: nothing to flag', '2026-11-23T09:00:00.000Z', undefined],
    ['arrived yesterday evening', '2026-11-22T19:30:00.000Z', 'Not signed out yesterday'],
    ['arrived earlier in the week', '2026-11-19T10:00:00.000Z', 'Not signed out on 19 Nov 2026'],
  ])('%s', (_why, arrivedAt, expected) => {
    expect(notSignedOutText({ arrivedAt }, '2026-11-23', london)).toBe(expected);
  });

  it('counts a summer visitor who came at 00:30 (23:30 UTC) as arriving today', () => {
    expect(notSignedOutText({ arrivedAt: '2026-07-13T23:30:00.000Z' }, '2026-07-14', london)).toBeUndefined();
  });
});
