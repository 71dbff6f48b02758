import { formatUkDate } from '@shared/format-dates';
import type { DeclarationAttention } from '@shared/rules/declaration-attention';

/** Where a declaration stands, in a few words for a list. */
export function declarationStateText(attention: DeclarationAttention): string {
  switch (attention.kind) {
    case 'awaitingReview':
      return 'Waiting for the manager’s review';
    case 'awaitingSupervisionDate':
      return 'Noted; supervision date to be set';
    case 'outcomeDue':
      return `Discussed in supervision on ${formatUkDate(attention.supervisionOn)}; outcome to record`;
    case 'inHand':
      return `To discuss in supervision on ${formatUkDate(attention.supervisionOn)}`;
    case 'closed':
      return 'Discussed; outcome recorded';
    default: {
      const unreachable: never = attention;
      return unreachable;
    }
  }
}
