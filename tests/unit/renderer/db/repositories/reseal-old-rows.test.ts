import { describe, expect, it } from 'vitest';
import { buildRestriction, buildStaffMember } from '../../../../factories';
import { createRecordCipher } from '../../../../../renderer/src/db/encryption/record-cipher';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import {
  applyRowSealMarker,
  resealOldRows,
} from '../../../../../renderer/src/db/repositories/reseal-old-rows';
import { staffCodec } from '../../../../../renderer/src/db/repositories/staff-repository';
import { oldFormatRow } from '../old-format-row';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from '../test-database';
import { testSession } from '../test-session';

const opened = databasesClosedAfterEach();

const restrictionPlain = ['id', 'youngPersonId', 'personId', 'reviewOn', 'effectiveTo'] as const;

/** A home at version 11 with rows sealed the old way, opened by this version of the app. */
async function homeFromVersion11() {
  const manager = await testSession(['registeredManager']);
  const careWorker = await testSession(['careStaff'], manager);
  const before = await databaseAtVersion(opened, 11);
  const restriction = buildRestriction({ effectiveTo: '2030-01-01' });
  const member = buildStaffMember({ roles: ['careStaff'] });
  await before
    .table('restrictions')
    .add(await oldFormatRow('restrictions', restriction, restrictionPlain, manager.cipher));
  await before
    .table('staff')
    .add(await oldFormatRow('staff', member, ['id', 'username', 'roles', 'isActive'], manager.cipher));
  const db = await upgradeDatabase(opened, before);
  return { db, manager, careWorker, restriction, member };
}

describe('rows sealed before seals covered their plain fields', () => {
  it('open after the upgrade to version 12, and are sealed again by the manager’s session', async () => {
    const { db, manager, restriction, member } = await homeFromVersion11();
    expect(db.verno).toBeGreaterThanOrEqual(12);
    const row = await db.restrictions.get(restriction.id);
    expect(row?.sealFormat).toBeUndefined();
    await expect(restrictionCodec.decode(row!, manager.cipher)).resolves.toEqual(restriction);

    expect(await resealOldRows(db, manager)).toEqual({ resealed: 2, damaged: 0, isComplete: true });
    const resealed = await db.restrictions.get(restriction.id);
    expect(resealed?.sealFormat).toBe(2);
    await expect(restrictionCodec.decode(resealed!, manager.cipher)).resolves.toEqual(restriction);
    await expect(staffCodec.decode((await db.staff.get(member.id))!, manager.cipher)).resolves.toEqual(
      member,
    );
    // Now an edit to the plain copy is caught.
    await expect(
      restrictionCodec.decode({ ...resealed!, effectiveTo: '2026-01-01' }, manager.cipher),
    ).rejects.toMatchObject({ name: 'DamagedRecordError' });
    // Done once: a second run finds the home marked.
    expect(await resealOldRows(db, manager)).toEqual({ resealed: 0, damaged: 0, isComplete: true });
  });

  it('a care worker’s session leaves the work to the manager', async () => {
    const { db, careWorker, restriction } = await homeFromVersion11();
    expect((await resealOldRows(db, careWorker)).resealed).toBe(0);
    expect((await db.restrictions.get(restriction.id))?.sealFormat).toBeUndefined();
  });

  it('once the home is marked, an old-format row put back from outside is refused at the next sign-in', async () => {
    const { db, manager, restriction } = await homeFromVersion11();
    const oldRow = await db.restrictions.get(restriction.id);
    await resealOldRows(db, manager);
    await db.restrictions.put(oldRow!);
    const nextSession = createRecordCipher(manager.dataKey);
    await applyRowSealMarker(db, nextSession);
    await expect(restrictionCodec.decode(oldRow!, nextSession)).rejects.toMatchObject({
      reason: 'old-format-refused',
    });
  });

  it('an old row edited before it was sealed again is noted as damaged, not sealed with the edit', async () => {
    const { db, manager, restriction } = await homeFromVersion11();
    const row = await db.restrictions.get(restriction.id);
    // The sealed part swapped for another row's: it cannot open under this id.
    const other = await oldFormatRow('restrictions', buildRestriction(), restrictionPlain, manager.cipher);
    await db.restrictions.put({ ...row!, sealed: other.sealed as NonNullable<typeof row>['sealed'] });
    expect(await resealOldRows(db, manager)).toMatchObject({ resealed: 1, damaged: 1 });
    expect(await db.damagedRecords.toArray()).toEqual([
      expect.objectContaining({ table: 'restrictions', rowId: restriction.id }),
    ]);
  });
});
