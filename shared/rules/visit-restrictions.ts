import type { VisitKind } from '../schemas/visits';
import {
  checkRestrictions,
  type CheckableRestriction,
  type RestrictionIndex,
  type RestrictionMatch,
} from './restriction-check';
import { contactModeForVisitKind } from './restriction-effects';
import { unreachable } from '../unreachable';

/**
 * The restriction check when booking (DESIGN rule 6): a barred person cannot be booked; a
 * supervised-only person needs a supervising member of staff; indirect-only allows only letters and
 * calls.
 *
 * Interpretation:
 * - Every family member coming is checked, as a registered person (their own restrictions and any
 *   recorded under their name or aliases), against the restrictions of the young people on the
 *   visit, for the kind of contact the visit makes (`contactModeForVisitKind`).
 * - Restrictions are read **on each date the booking falls on**: a restriction that starts next
 *   month stops next month's visits of a series, not this week's.
 * - A block stops the booking. A supervised-only match stops it until a supervising member of
 *   staff is named, and then it is a warning that stays on the visit. Other conditions are warnings:
 *   shown, not stopping the booking, because only a person can weigh them.
 * - Only the instruction is given (rule 8): never the authority or its reference.
 */

export type BookingRestrictionIssue = {
  readonly kind: 'barred' | 'indirectOnly' | 'blocked' | 'needsSupervisor' | 'condition';
  readonly severity: 'block' | 'warn';
  readonly personId: string;
  readonly youngPersonId: string;
  readonly restrictionId: string;
  /** The first date (YYYY-MM-DD) it applies to. */
  readonly date: string;
  readonly message: string;
};

export type BookingPerson = {
  readonly personId: string;
  readonly displayName: string;
  readonly names: readonly string[];
};

export type BookingRestrictionInput = {
  readonly kind: VisitKind;
  readonly youngPersonIds: readonly string[];
  readonly people: readonly BookingPerson[];
  readonly isSupervised: boolean;
  /** The dates (YYYY-MM-DD, home zone) the booking falls on. */
  readonly dates: readonly string[];
  readonly youngPersonName: (id: string) => string;
};

function issueFor(
  match: RestrictionMatch,
  person: BookingPerson,
  youngPerson: string,
  date: string,
): BookingRestrictionIssue | undefined {
  const base = {
    personId: person.personId,
    youngPersonId: match.youngPersonId,
    restrictionId: match.restrictionId,
    date,
  };
  const name = person.displayName;
  const { effect } = match;
  switch (effect.kind) {
    case 'allowed':
      return undefined;
    case 'block':
      if (match.kind === 'noContact') {
        return {
          ...base,
          kind: 'barred',
          severity: 'block',
          message: `${name} must not have any contact with ${youngPerson}. Remove ${name} from this booking. Speak to the duty manager if you think this is wrong.`,
        };
      }
      if (match.kind === 'indirectOnly') {
        return {
          ...base,
          kind: 'indirectOnly',
          severity: 'block',
          message: `${name} may have indirect contact only with ${youngPerson}: letters and phone calls. Book a phone call instead, or remove ${name} from this booking.`,
        };
      }
      return {
        ...base,
        kind: 'blocked',
        severity: 'block',
        message: `${name}: ${effect.reason} Remove ${name} from this booking, or change what kind of visit it is.`,
      };
    case 'warn':
      if (effect.needsSupervisor) {
        return {
          ...base,
          kind: 'needsSupervisor',
          severity: 'block',
          message: `${name} may see ${youngPerson} only with a named member of staff supervising. Choose a supervising member of staff.`,
        };
      }
      return {
        ...base,
        kind: 'condition',
        severity: 'warn',
        message: `${name}: ${effect.condition} ${effect.instruction}`,
      };
    default:
      return unreachable(effect, 'effect');
  }
}

/** Each restriction problem once (at its first date), blocks first. */
export function bookingRestrictionIssues(
  input: BookingRestrictionInput,
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
): BookingRestrictionIssue[] {
  const seen = new Set<string>();
  const issues: BookingRestrictionIssue[] = [];
  const contact = contactModeForVisitKind(input.kind);
  const dates = [...new Set(input.dates)].sort();
  for (const date of dates) {
    for (const person of input.people) {
      const result = checkRestrictions(
        {
          visitor: { kind: 'registered', personId: person.personId, names: person.names },
          youngPersonIds: input.youngPersonIds,
          contact,
          isSupervised: input.isSupervised,
        },
        restrictions,
        date,
      );
      const matches = result.kind === 'clear' ? [] : result.matches;
      for (const match of matches) {
        const issue = issueFor(match, person, input.youngPersonName(match.youngPersonId), date);
        if (!issue) continue;
        const key = `${issue.personId}:${issue.restrictionId}:${issue.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        issues.push(issue);
      }
    }
  }
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}
