import type { ContactKind, RestrictedParticipant } from '../schemas/contact-forms';
import { checkRestrictions, type CheckableRestriction, type RestrictionMatch } from './restriction-check';
import { contactModeForContactKind } from './restriction-effects';

/**
 * Restrictions when a contact is recorded (DESIGN rule 6: "checked wherever contact is arranged or
 * recorded"). Each person recorded as taking part is checked against the young
 * person's restriction register, for this kind of contact, on the day the contact happened (a
 * restriction that started after the contact did not apply to it).
 *
 * - Registered people are checked by who they are and by name (a restriction may be recorded by
 *   name only); names typed in "who else took part" are checked by name.
 * - "Supervised" means a member of staff is recorded as taking part.
 * - Only restrictions that stop or condition this contact are returned ("no phone contact" on a
 *   family visit is allowed and is not an alert). Each restriction is listed once.
 * - A restriction ended after the contact began still applied to it: the form is written up to
 *   48 hours later (seed 004 §5.2.1), often after a review has ended the restriction, and the
 *   contact took place while staff had to adhere to it (seed 004 §3). Ending one does not reach
 *   back over the days it was in force.
 */
export type ContactParticipants = {
  readonly youngPersonId: string;
  readonly kind: ContactKind;
  /** The day of the contact (YYYY-MM-DD in the home's zone). */
  readonly contactDay: string;
  /** The moment the contact began (ISO instant): a restriction ended after it still applied. */
  readonly contactStartedAt: string;
  readonly people: readonly { readonly personId: string; readonly names: readonly string[] }[];
  /** Free text: names separated by commas, "and" or new lines. */
  readonly otherParticipants: string;
  readonly hasStaff: boolean;
};

export function restrictedParticipants(
  contact: ContactParticipants,
  restrictions: readonly CheckableRestriction[],
): RestrictedParticipant[] {
  const startedMs = Date.parse(contact.contactStartedAt);
  const asAtContact = restrictions.map((restriction) => {
    if (restriction.endedAt === undefined || Date.parse(restriction.endedAt) <= startedMs) return restriction;
    const { endedAt: _endedAfterTheContact, ...stillInForce } = restriction;
    return stillInForce;
  });
  const found = new Map<string, RestrictedParticipant>();
  const common = {
    youngPersonIds: [contact.youngPersonId],
    contact: contactModeForContactKind(contact.kind),
    isSupervised: contact.hasStaff,
  } as const;
  const add = (matches: readonly RestrictionMatch[], personId: string | undefined, name: string) => {
    for (const match of matches) {
      if (match.effect.kind === 'allowed' || found.has(match.restrictionId)) continue;
      found.set(match.restrictionId, {
        restrictionId: match.restrictionId,
        ...(personId ? { personId } : {}),
        name,
        verdict: match.effect.kind,
        summary:
          match.effect.kind === 'block'
            ? match.effect.reason
            : `${match.effect.condition} ${match.effect.instruction}`,
      });
    }
  };
  for (const person of contact.people) {
    const check = checkRestrictions(
      { ...common, visitor: { kind: 'registered', personId: person.personId, names: person.names } },
      asAtContact,
      contact.contactDay,
    );
    if (check.kind !== 'clear') add(check.matches, person.personId, person.names[0] ?? 'A registered person');
  }
  for (const name of typedNames(contact.otherParticipants)) {
    const check = checkRestrictions(
      { ...common, visitor: { kind: 'typed', name } },
      asAtContact,
      contact.contactDay,
    );
    if (check.kind !== 'clear') add(check.matches, undefined, name);
  }
  return [...found.values()];
}

/**
 * Restrictions on the young person's register that could not be trusted when the contact was
 * checked: a row that does not open, or one older than the audit log says (put back from an earlier
 * copy). Whom such a restriction names and what it allows cannot be known, so it is never read as
 * no restriction: the form is marked and the manager alerted, as for a restricted person
 * (DESIGN rule 6), and the author is told the contact could not be checked against it.
 */
export function uncheckedRestrictions(restrictionIds: readonly string[]): RestrictedParticipant[] {
  return [...new Set(restrictionIds)].map((restrictionId) => ({
    restrictionId,
    name: 'A restriction on the register',
    verdict: 'unchecked',
    summary: 'It was changed outside Family Links, so this contact could not be checked against it.',
  }));
}

/** "Ms Green (teacher), Dan and Liz" → ["Ms Green", "Dan", "Liz"]: roles in brackets are not names. */
export function typedNames(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .split(/,|;|\n|\band\b|&/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 1);
}
