import type { NameMatch } from '@shared/rules/restriction-check';
import { unreachable } from '@shared/unreachable';

/**
 * How the visitor's name matched a restricted person, in a sentence staff can check against the
 * person in front of them: "Johnny Boy was matched to John Smith (also known as Johnny Boy)", or,
 * for a name that is only close, "Sara Kahn is close to Sarah Khan (near spelling)".
 */
export function nameMatchText(match: NameMatch, restrictedPersonName: string): string {
  switch (match.how) {
    case 'same person':
      return `${match.matchedText} is the registered person this restriction names (${restrictedPersonName}).`;
    case 'exact name':
      return `${match.matchedText} was matched to ${restrictedPersonName} (same name).`;
    case 'alias':
      return `${match.matchedText} was matched to ${restrictedPersonName} (also known as ${match.restrictedName}).`;
    case 'short form':
      return `${match.matchedText} was matched to ${match.restrictedName} (short form of the name).`;
    case 'part of the name':
      return `${match.matchedText} is close to ${match.restrictedName} (part of the name).`;
    case 'initial':
      return `${match.matchedText} is close to ${match.restrictedName} (an initial).`;
    case 'near spelling':
      return `${match.matchedText} is close to ${match.restrictedName} (near spelling).`;
    default:
      return unreachable(match.how, 'name match');
  }
}
