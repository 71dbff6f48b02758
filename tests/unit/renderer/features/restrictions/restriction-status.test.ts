import { describe, expect, it } from 'vitest';
import type { VisibleRestriction } from '../../../../../shared/rules/access';
import type { Restriction } from '../../../../../shared/schemas/registers';
import { restrictionStatus } from '../../../../../renderer/src/features/restrictions/restriction-status';

type InstructionFields = Extract<VisibleRestriction, { view: 'instruction' }>;
const base = {
  id: crypto.randomUUID(),
  youngPersonId: crypto.randomUUID(),
  name: 'Dean Hughes',
  aliases: [],
  kind: 'noContact',
  conditions: '',
  effectiveFrom: '2026-01-12',
} satisfies Omit<InstructionFields, 'view'>;
const instruction = (overrides: Partial<Omit<InstructionFields, 'view'>> = {}): VisibleRestriction => ({
  view: 'instruction',
  ...base,
  ...overrides,
});
const full = (overrides: Partial<Restriction> = {}): VisibleRestriction => ({
  view: 'full',
  ...base,
  description: '',
  authority: 'courtOrder',
  authorityReference: 'LS26C01234',
  recordedById: crypto.randomUUID(),
  endedReason: '',
  ...overrides,
});

describe('where a restriction stands', () => {
  it.each([
    [
      'in force, approved',
      full({ approvedById: crypto.randomUUID() }),
      '2026-06-01',
      { kind: 'inForce', isAwaitingApproval: false },
    ],
    [
      'in force, a tutor’s, not yet approved',
      full(),
      '2026-06-01',
      { kind: 'inForce', isAwaitingApproval: true },
    ],
    [
      'in force to a care worker, who cannot know about approval',
      instruction(),
      '2026-06-01',
      { kind: 'inForce', isAwaitingApproval: false },
    ],
    [
      'on its last day',
      instruction({ effectiveTo: '2026-06-01' }),
      '2026-06-01',
      { kind: 'inForce', isAwaitingApproval: false },
    ],
    [
      'the day after its last day',
      instruction({ effectiveTo: '2026-06-01' }),
      '2026-06-02',
      { kind: 'lapsed', since: '2026-06-01' },
    ],
    ['before it starts', instruction(), '2026-01-11', { kind: 'notYetInForce', from: '2026-01-12' }],
    [
      'ended, with the reason for a manager',
      full({ endedAt: '2026-03-03T10:00:00.000Z', endedReason: 'Order discharged' }),
      '2026-06-01',
      { kind: 'ended', endedAt: '2026-03-03T10:00:00.000Z', reason: 'Order discharged' },
    ],
    [
      'ended, without the reason for a care worker',
      instruction({ endedAt: '2026-03-03T10:00:00.000Z' }),
      '2026-06-01',
      { kind: 'ended', endedAt: '2026-03-03T10:00:00.000Z', reason: undefined },
    ],
  ])('%s', (_case, restriction, today, expected) => {
    expect(restrictionStatus(restriction, today)).toEqual(expected);
  });
});
