import { IDBFactory } from 'fake-indexeddb';
import { FamilyLinksDb } from '../../../../renderer/src/db/database';
import type { DoorChecker } from '../../../../renderer/src/db/repositories/visitor-log-rows';

/** A database on its own in-memory IndexedDB, so tests never share state. */
export function freshDatabase(
  options: { upToVersion?: number; factory?: IDBFactory; name?: string } = {},
): FamilyLinksDb {
  return new FamilyLinksDb(options.name ?? 'family-links-test', {
    indexedDB: options.factory ?? new IDBFactory(),
    ...(options.upToVersion === undefined ? {} : { upToVersion: options.upToVersion }),
  });
}

/** A door check that finds nothing: for tests about what happens to an entry once it is written. */
export const clearCheck: DoorChecker = () => ({
  kind: 'clear',
  isSignInAllowed: true,
  restrictionIds: [],
  needsSupervisor: false,
  youngPersonIds: [],
  idCheckRestrictionIds: [],
  idCheckedNotRestrictionIds: [],
  admittedUnder: [],
});

/** A visitor's details as the door's sign-in form sends them. */
export const dawnMorris = {
  visitorName: 'Dawn Morris',
  organisationOrRelationship: 'Mum',
  visitingYoungPersonIds: [],
  reason: 'Family visit',
  isIdChecked: true,
  vehicle: '',
  badgeNumber: '7',
};
