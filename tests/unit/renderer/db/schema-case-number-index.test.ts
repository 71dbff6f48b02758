import { describe, expect, it } from 'vitest';
import { youngPersonSchema } from '../../../../shared/schemas/people';
import { buildYoungPerson } from '../../../factories';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { createSealedCodec } from '../../../../renderer/src/db/sealed-codec';
import { schemaVersions } from '../../../../renderer/src/db/schema-versions';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { youngPeopleRepository } from '../../../../renderer/src/db/repositories/young-people-repository';
import { indexCaseNumbers } from '../../../../renderer/src/db/repositories/young-person-case-index';
import { resealOldRows } from '../../../../renderer/src/db/repositories/reseal-old-rows';
import type { Session } from '../../../../renderer/src/db/session';
import { oldFormatRow } from './old-format-row';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';
import { testSession } from './test-session';

/**
 * The version that seals case numbers, found by what it declares (so the test still holds if
 * another branch's version lands before it and it is renumbered).
 */
const caseNumberVersion =
  schemaVersions.find((entry) => entry.stores.youngPeople?.includes('caseNumberIndex'))?.version ?? 0;

const opened = databasesClosedAfterEach();

/** How the version before stored a young person: the case number plain (and bound into the seal), the rest sealed. */
const versionBeforeCodec = createSealedCodec('youngPeople', youngPersonSchema, ['id', 'caseNumber']);

/** A home made at the version before with `rows` in it, opened by this version of the app. */
async function homeFromTheVersionBefore(
  rows: (manager: Session) => Promise<readonly { [key: string]: unknown }[]>,
): Promise<{ db: FamilyLinksDb; manager: Session; careWorker: Session }> {
  const manager = await testSession(['registeredManager']);
  const careWorker = await testSession(['careStaff'], manager);
  const before = await databaseAtVersion(opened, caseNumberVersion - 1);
  await before.table('youngPeople').bulkAdd([...(await rows(manager))]);
  const db = await upgradeDatabase(opened, before);
  return { db, manager, careWorker };
}

const stored = async (db: FamilyLinksDb, id: string) => (await db.youngPeople.get(id)) ?? {};

describe('the version that seals case numbers, and indexes them by a keyed hash', () => {
  const millie = buildYoungPerson({ caseNumber: 'FL-2024-0007' });
  const kayden = buildYoungPerson({ caseNumber: 'FL-2023-0100', firstName: 'Kayden', preferredName: '' });

  it('reads rows stored the old ways, then stores them again with the number sealed at the first sign-in', async () => {
    const { db, manager, careWorker } = await homeFromTheVersionBefore(async (key) => [
      // One sealed with its plain fields bound in (version 12 on), one sealed before that.
      await versionBeforeCodec.encode(millie, key.cipher),
      await oldFormatRow('youngPeople', kayden, ['id', 'caseNumber'], key.cipher),
    ]);
    expect(caseNumberVersion).toBeGreaterThan(12);
    expect(db.verno).toBeGreaterThanOrEqual(caseNumberVersion);
    expect(db.youngPeople.schema.indexes.map((index) => index.name)).toEqual(['caseNumberIndex']);
    expect(await stored(db, millie.id)).toMatchObject({ caseNumber: 'FL-2024-0007' });
    const youngPeople = youngPeopleRepository(db);
    // Until then the records open as they are, and a number already held is still refused.
    expect(await youngPeople.list(careWorker)).toEqual(expect.arrayContaining([millie, kayden]));
    const copy = await youngPeople.save(manager, { ...millie, id: undefined, caseNumber: 'fl-2024-0007' });
    expect(copy.ok ? undefined : copy.error.message).toBe(
      'Case number fl-2024-0007 already belongs to another young person.',
    );

    // Any role can do it: the care worker signs in first.
    expect(await indexCaseNumbers(db, careWorker)).toEqual({ indexed: 2, shared: 0, damaged: 0, left: 0 });
    for (const record of [millie, kayden]) {
      const row = await db.youngPeople.get(record.id);
      expect(row).not.toHaveProperty('caseNumber');
      expect(row?.sealFormat).toBe(2);
      expect(row?.caseNumberIndex).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(record.caseNumber);
      expect(await youngPeople.get(manager, record.id)).toEqual(record);
    }
    const again = await youngPeople.save(manager, { ...kayden, id: undefined, caseNumber: ' FL-2023-0100' });
    expect(again.ok ? undefined : again.error.code).toBe('duplicate-case-number');
    const log = await auditLog(db).page(manager.roles, { limit: 50 });
    expect(log?.map((entry) => entry.action)).toContain('young-person.case-numbers-sealed');

    // Done once: a second sign-in finds nothing left to do.
    expect(await indexCaseNumbers(db, manager)).toEqual({ indexed: 0, shared: 0, damaged: 0, left: 0 });
  });

  it('keeps both young people whose numbers differ only in letter case, and neither can be saved until one is corrected', async () => {
    const upper = buildYoungPerson({ caseNumber: 'FL-7' });
    const lower = buildYoungPerson({ caseNumber: 'fl-7', firstName: 'Mia' });
    const { db, manager } = await homeFromTheVersionBefore(async (key) => [
      await versionBeforeCodec.encode(upper, key.cipher),
      await versionBeforeCodec.encode(lower, key.cipher),
    ]);
    expect(await indexCaseNumbers(db, manager)).toMatchObject({ indexed: 2, shared: 1, left: 0 });
    const rows = await db.youngPeople.toArray();
    expect(rows.every((row) => row.caseNumber === undefined)).toBe(true);
    const youngPeople = youngPeopleRepository(db);
    expect(await youngPeople.list(manager)).toEqual(expect.arrayContaining([upper, lower]));
    for (const record of [upper, lower]) {
      const saved = await youngPeople.save(manager, { ...record, lastName: 'Changed' }, record.id);
      expect(saved.ok ? undefined : saved.error.code).toBe('duplicate-case-number');
    }
    const corrected = await youngPeople.save(manager, { ...lower, caseNumber: 'FL-8' }, lower.id);
    expect(corrected.ok).toBe(true);
    expect((await youngPeople.save(manager, { ...upper, lastName: 'Changed' }, upper.id)).ok).toBe(true);
  });

  it('is part of the manager’s sealing of older rows, so the home is marked sealed only once every number is', async () => {
    const { db, manager } = await homeFromTheVersionBefore(async (key) => [
      await oldFormatRow('youngPeople', kayden, ['id', 'caseNumber'], key.cipher),
    ]);
    expect(await resealOldRows(db, manager)).toEqual({ resealed: 1, damaged: 0, isComplete: true });
    const row = await db.youngPeople.get(kayden.id);
    expect(row).not.toHaveProperty('caseNumber');
    expect(row?.caseNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.settings.get('rowSeals')).toBeDefined();
  });

  it('notes a row changed outside Family Links as damaged and leaves it, rather than sealing the change', async () => {
    const { db, manager } = await homeFromTheVersionBefore(async (key) => [
      { ...(await versionBeforeCodec.encode(millie, key.cipher)), caseNumber: 'FL-9999' },
      await versionBeforeCodec.encode(kayden, key.cipher),
    ]);
    expect(await indexCaseNumbers(db, manager)).toEqual({ indexed: 1, shared: 0, damaged: 1, left: 0 });
    expect(await stored(db, millie.id)).toMatchObject({ caseNumber: 'FL-9999' });
    expect(await db.damagedRecords.toArray()).toEqual([
      expect.objectContaining({ table: 'youngPeople', rowId: millie.id }),
    ]);
  });
});
