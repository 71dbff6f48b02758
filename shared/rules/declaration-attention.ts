import type { Declaration } from '../schemas/declarations';

/**
 * What a declaration still needs from the manager (seed 001: the line manager "needs to record
 * this within supervision"). Dates are calendar dates (YYYY-MM-DD) in the home's zone; `today`
 * is passed in. A supervision date still to come is not flagged: it is in hand.
 */
export type DeclarationAttention =
  | { readonly kind: 'awaitingReview' }
  | { readonly kind: 'awaitingSupervisionDate' }
  | { readonly kind: 'outcomeDue'; readonly supervisionOn: string }
  | { readonly kind: 'inHand'; readonly supervisionOn: string }
  | { readonly kind: 'closed' };

export function declarationAttention(
  declaration: Pick<Declaration, 'reviewedAt' | 'supervisionOn' | 'outcome'>,
  today: string,
): DeclarationAttention {
  if (!declaration.reviewedAt) return { kind: 'awaitingReview' };
  if (!declaration.supervisionOn) return { kind: 'awaitingSupervisionDate' };
  if (declaration.outcome) return { kind: 'closed' };
  if (declaration.supervisionOn <= today)
    return { kind: 'outcomeDue', supervisionOn: declaration.supervisionOn };
  return { kind: 'inHand', supervisionOn: declaration.supervisionOn };
}

/** True when the manager should be shown this declaration on the home screen. */
export function needsManagerAttention(attention: DeclarationAttention): boolean {
  switch (attention.kind) {
    case 'awaitingReview':
    case 'awaitingSupervisionDate':
    case 'outcomeDue':
      return true;
    case 'inHand':
    case 'closed':
      return false;
    default: {
      const unreachable: never = attention;
      return unreachable;
    }
  }
}
