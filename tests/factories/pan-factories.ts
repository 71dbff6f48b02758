import type { PanGroup } from '@shared/schemas/pan';

/** A young person's PAN group with no members unless given, last changed by a random colleague. */
export function buildPanGroup(overrides: Partial<PanGroup> = {}): PanGroup {
  return {
    id: crypto.randomUUID(),
    youngPersonId: crypto.randomUUID(),
    members: [],
    updatedAt: '2026-10-01T09:00:00.000Z',
    updatedById: crypto.randomUUID(),
    ...overrides,
  };
}
