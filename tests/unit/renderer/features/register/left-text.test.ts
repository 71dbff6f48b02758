import { describe, expect, it } from 'vitest';
import { dayAndTime } from '@shared/home-time';
import { leftText } from '../../../../../renderer/src/features/register/left-text';
import { buildVisitorEntry } from '../../../../factories/register-factories';

const london = 'Europe/London';

describe('when a visitor left, in words', () => {
  it.each([
    ['signed out', buildVisitorEntry(), {}, dayAndTime('2026-10-14T15:40:00.000Z', london)],
    ['still here', buildVisitorEntry({ departedAt: undefined }), {}, 'Still on site'],
    [
      'turned away, in a list',
      buildVisitorEntry({ kind: 'turnedAway', departedAt: undefined }),
      {},
      'Turned away',
    ],
    [
      'turned away, in a version',
      buildVisitorEntry({ kind: 'turnedAway', departedAt: undefined }),
      { turnedAway: 'Never came in' },
      'Never came in',
    ],
    ['signed out, in the screen’s own wording', buildVisitorEntry(), { time: () => '16:40' }, '16:40'],
  ])('%s', (_case, entry, wording, expected) => {
    expect(leftText(entry, london, wording)).toBe(expected);
  });
});
