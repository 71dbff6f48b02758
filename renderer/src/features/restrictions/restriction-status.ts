import type { VisibleRestriction } from '@shared/rules/access';

export type RestrictionStatus =
  | { readonly kind: 'ended'; readonly endedAt: string; readonly reason: string | undefined }
  | { readonly kind: 'lapsed'; readonly since: string }
  | { readonly kind: 'notYetInForce'; readonly from: string }
  | { readonly kind: 'inForce'; readonly isAwaitingApproval: boolean };

/**
 * Where a restriction stands on `today` (YYYY-MM-DD in the home's zone). A restriction recorded
 * by a tutor applies at once, so "awaiting approval" is a kind of "in force", not instead of it.
 * Whether it awaits approval, and why it ended, are only known to those who see the full record.
 */
export function restrictionStatus(restriction: VisibleRestriction, today: string): RestrictionStatus {
  if (restriction.endedAt) {
    return {
      kind: 'ended',
      endedAt: restriction.endedAt,
      reason: restriction.view === 'full' && restriction.endedReason ? restriction.endedReason : undefined,
    };
  }
  if (restriction.effectiveTo !== undefined && restriction.effectiveTo < today)
    return { kind: 'lapsed', since: restriction.effectiveTo };
  if (restriction.effectiveFrom > today) return { kind: 'notYetInForce', from: restriction.effectiveFrom };
  return {
    kind: 'inForce',
    isAwaitingApproval: restriction.view === 'full' && restriction.approvedById === undefined,
  };
}
