import type { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { FamilyLinksDb } from '../../../../renderer/src/db/database';
import type { DoorChecker } from '../../../../renderer/src/db/repositories/visitor-log-rows';
import { visitorLogRepository } from '../../../../renderer/src/db/repositories/visitor-log-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { doorVerdict } from '../../../../shared/rules/door-check';
import type { StaffRole } from '../../../../shared/schemas/staff';

/** A database on its own in-memory IndexedDB, so tests never share state. */
export function freshDatabase(
  options: { upToVersion?: number; factory?: IDBFactory; name?: string } = {},
): FamilyLinksDb {
  return new FamilyLinksDb(options.name ?? 'family-links-test', {
    indexedDB: options.factory ?? new IDBFactory(),
    ...(options.upToVersion === undefined ? {} : { upToVersion: options.upToVersion }),
  });
}

/** The databases a test file opens, each closed after its test. Call it at the top of the file. */
export function databasesClosedAfterEach(): Dexie[] {
  const opened: Dexie[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  return opened;
}

/** The IndexedDB each database an upgrade test opened at an old version lives in. */
const upgradeFactories = new WeakMap<FamilyLinksDb, IDBFactory>();

/** A database opened at an old `version`, on an IndexedDB of its own, for an upgrade test to fill. */
export async function databaseAtVersion(opened: Dexie[], version: number): Promise<FamilyLinksDb> {
  const factory = new IDBFactory();
  const db = freshDatabase({ factory, upToVersion: version });
  upgradeFactories.set(db, factory);
  opened.push(db);
  await db.open();
  return db;
}

/**
 * Closes `before` (from databaseAtVersion) and opens the same IndexedDB at `version`, or at the
 * latest when none is given, as the next release of the app would.
 */
export async function upgradeDatabase(
  opened: Dexie[],
  before: FamilyLinksDb,
  version?: number,
): Promise<FamilyLinksDb> {
  const factory = upgradeFactories.get(before);
  if (!factory) throw new Error('Open the database with databaseAtVersion first');
  before.close();
  const db = freshDatabase({ factory, ...(version === undefined ? {} : { upToVersion: version }) });
  opened.push(db);
  await db.open();
  return db;
}

/**
 * A door check that finds nothing (the door's verdict on a check with no match): for tests about
 * what happens to an entry once it is written.
 */
export const clearCheck: DoorChecker = () =>
  doorVerdict({ kind: 'clear', matches: [], allowed: [], idCheckedNot: [] });

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

/**
 * Signs a visitor (Dawn Morris, or her details under another name) in at a database's door with a
 * clear check, on 1 December 2026; a refusal fails the test.
 */
export async function signInVisitor(db: FamilyLinksDb, session: Session, name = dawnMorris.visitorName) {
  const result = await visitorLogRepository(db, session.cipher).signIn(
    session,
    { ...dawnMorris, visitorName: name },
    clearCheck,
    '2026-12-01',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A visitor on the people register (`personId`) come to see one young person, as the door's sign-in form sends them. */
export function familyVisitor(visitorName: string, personId: string, youngPersonId: string) {
  return {
    visitorName,
    personId,
    organisationOrRelationship: '',
    visitingYoungPersonIds: [youngPersonId],
    reason: 'Family visit',
    isIdChecked: true,
    vehicle: '',
    badgeNumber: '',
  };
}

/** A young person's details as the young person form sends them. */
export const kaydenMorris = {
  caseNumber: 'FL-0042',
  firstName: 'Kayden',
  lastName: 'Morris',
  preferredName: 'Kay',
  dateOfBirth: '2012-04-09',
  placementStartsOn: '2024-09-01',
};

/** What `db` audited while nobody was signed in, as [action, detail]: the log takes it at the next sign-in. */
export async function pendingAuditOf(db: FamilyLinksDb) {
  return (await db.pendingAudit.toArray()).map((row) => [row.action, row.detail]);
}

/** The audit log's newest 50 actions, newest first, as someone with `roles` reads them (none if they may not). */
export async function auditActions(db: FamilyLinksDb, { roles }: { readonly roles: readonly StaffRole[] }) {
  return ((await auditLog(db).page(roles, { limit: 50 })) ?? []).map((entry) => entry.action);
}
