import { unreadableRestrictionsVerdict } from '@shared/rules/door-check';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { peopleRepository } from './people-repository';
import { restrictionRepository } from './restriction-repository';
import type { CheckedVisitor } from './visitor-door-writes';
import type { DoorChecker, DoorVerdict } from './visitor-log-rows';

/** The restriction check on the register's own data, for a visitor as the form describes them. */
export async function checkVisitorAtDoor(
  db: FamilyLinksDb,
  session: Session,
  visitor: CheckedVisitor,
  check: DoorChecker,
  today: string,
): Promise<DoorVerdict> {
  const { restrictions, damagedIds } = await restrictionRepository(db).listForCheck(session, today);
  // A restriction that does not open might be the one for this visitor: never clear.
  if (damagedIds.length > 0) return unreadableRestrictionsVerdict(damagedIds);
  // A registered visitor is checked under every name they are known by, not just as typed.
  const person = visitor.personId
    ? await peopleRepository(db).getPerson(session, visitor.personId)
    : undefined;
  const knownNames = person
    ? [`${person.firstName} ${person.lastName}`.trim(), ...person.aliases]
    : undefined;
  return check(
    {
      name: visitor.visitorName,
      personId: visitor.personId,
      ...(knownNames ? { knownNames } : {}),
      idChecks: {
        notThem: visitor.idCheckedNotRestrictionIds ?? [],
        treatedAsThem: visitor.treatedAsRestrictionIds ?? [],
      },
      isSupervised: visitor.supervisingStaffId !== undefined,
    },
    visitor.visitingYoungPersonIds,
    restrictions,
  );
}
