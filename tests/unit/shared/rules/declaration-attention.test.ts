import { describe, expect, it } from 'vitest';
import { declarationAttention, needsManagerAttention } from '../../../../shared/rules/declaration-attention';

const today = '2026-11-20';
const reviewedAt = '2026-11-19T10:00:00.000Z';

describe('what a declaration still needs from the manager', () => {
  it.each([
    ['not yet reviewed', { outcome: '' }, 'awaitingReview', true],
    ['noted, with no supervision date', { reviewedAt, outcome: '' }, 'awaitingSupervisionDate', true],
    [
      'supervision booked for later',
      { reviewedAt, supervisionOn: '2026-11-27', outcome: '' },
      'inHand',
      false,
    ],
    [
      'supervision today, no outcome yet',
      { reviewedAt, supervisionOn: '2026-11-20', outcome: '' },
      'outcomeDue',
      true,
    ],
    [
      'supervision passed, no outcome',
      { reviewedAt, supervisionOn: '2026-11-01', outcome: '' },
      'outcomeDue',
      true,
    ],
    [
      'discussed, with an outcome',
      { reviewedAt, supervisionOn: '2026-11-01', outcome: 'No action' },
      'closed',
      false,
    ],
  ] as const)('%s', (_case, declaration, kind, isFlagged) => {
    const attention = declarationAttention(declaration, today);
    expect(attention.kind).toBe(kind);
    expect(needsManagerAttention(attention)).toBe(isFlagged);
  });
});
