import {
  checkRestrictions,
  isCloseNameOnly,
  type RestrictionIndex,
  type RestrictionMatch,
} from './restriction-check';
import type { RestrictionKind } from './restriction-effects';

/** A restriction in force on someone in the family and friends list: for which young person, and what kind. */
export type PersonRestriction = {
  readonly restrictionId: string;
  readonly youngPersonId: string;
  readonly kind: RestrictionKind;
  /** Recorded against this person, or naming them (their name or another name they use). */
  readonly how: 'recorded against them' | 'by name';
};

/**
 * The restrictions in force on `today` (YYYY-MM-DD in the home's zone) that apply to one person
 * in the family list, so the list can say so beside their name (DESIGN rule 6: everyone must
 * see that a restriction applies). The same matching as the door, with two differences for a
 * list rather than a visitor: every kind of contact counts (a "no phone contact" restriction
 * still marks the person), and only a firm match marks them: the restriction is recorded against
 * them, or its name or an alias is one of their names (or a known short form of it, as at the
 * door). A near spelling, part of a name or an initial is
 * the door's prompt to check ID, not a fact about a person in the list; a namesake of a
 * restriction recorded against someone else in the list is that other person's.
 */
export function restrictionsOnPerson(
  person: { readonly personId: string; readonly names: readonly string[] },
  restrictions: RestrictionIndex,
  today: string,
): PersonRestriction[] {
  const check = checkRestrictions(
    { visitor: { kind: 'registered', personId: person.personId, names: person.names }, youngPersonIds: [] },
    restrictions,
    today,
  );
  const matches: readonly RestrictionMatch[] =
    check.kind === 'clear' ? check.allowed : [...check.matches, ...check.allowed];
  return matches
    .filter((match) => !match.isRecordedAsSomeoneElse && !isCloseNameOnly(match.name.how))
    .map((match) => ({
      restrictionId: match.restrictionId,
      youngPersonId: match.youngPersonId,
      kind: match.kind,
      how: match.name.how === 'same person' ? 'recorded against them' : 'by name',
    }));
}
