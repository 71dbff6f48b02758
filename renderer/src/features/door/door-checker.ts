import { checkAtTheDoor as checkDoor, doorVerdict, type DoorCheck } from '@shared/rules/door-check';
import type {
  CheckableRestriction,
  RestrictionIndex,
  RestrictionVisitor,
} from '@shared/rules/restriction-check';
import type { DoorChecker } from '../../db/repositories/visitor-log-repository';

/** A registered person's other names (their full name and aliases), by person id. */
export type RegisteredNames = (personId: string) => readonly string[] | undefined;

type AtTheDoor = Parameters<DoorChecker>[0];

/**
 * Who is at the door, as the restriction check reads them. A visitor chosen from the people list
 * is checked as that person (a restriction recorded against them matches whatever name was typed)
 * and by every name they are known by, as well as the name typed at the door.
 */
export function doorVisitor(visitor: AtTheDoor, registeredNames: RegisteredNames): RestrictionVisitor {
  if (!visitor.personId) return { kind: 'typed', name: visitor.name };
  // The register hands over the names it read itself (`knownNames`); the screen looks them up.
  const names = [visitor.name, ...(visitor.knownNames ?? registeredNames(visitor.personId) ?? [])].filter(
    (name) => name.trim().length > 0,
  );
  return { kind: 'registered', personId: visitor.personId, names: [...new Set(names)] };
}

/** The check at the door: a visit to the home, supervised once a supervisor is named. */
export function checkAtTheDoor(
  visitor: AtTheDoor,
  youngPersonIds: readonly string[],
  restrictions: RestrictionIndex | readonly CheckableRestriction[],
  today: string,
  registeredNames: RegisteredNames,
): DoorCheck {
  return checkDoor(
    {
      visitor: doorVisitor(visitor, registeredNames),
      youngPersonIds,
      idChecks: visitor.idChecks,
      isSupervised: visitor.isSupervised ?? false,
    },
    restrictions,
    today,
  );
}

/**
 * The visitor register's `DoorChecker`, made from the shared door check (DESIGN rule 6). The
 * register runs it itself at sign-in on the restrictions in force `today` (YYYY-MM-DD in the
 * home's zone), so the screen's own live check is only ever feedback: this is the one that counts.
 */
export function doorChecker(today: string, registeredNames: RegisteredNames = () => undefined): DoorChecker {
  return (visitor, youngPersonIds, restrictionsInForce) =>
    doorVerdict(checkAtTheDoor(visitor, youngPersonIds, restrictionsInForce, today, registeredNames));
}

/** What the door says when someone is signed in before the restriction register has loaded. */
export const restrictionsStillLoading = 'The restriction register is still loading. Try again in a moment.';
