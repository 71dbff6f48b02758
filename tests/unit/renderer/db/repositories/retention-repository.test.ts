import { describe, expect, it } from 'vitest';
import { retentionRepository } from '../../../../../renderer/src/db/repositories/retention-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import { buildYoungPerson } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

const today = '2026-11-29';

async function setUp() {
  const db = freshDatabase();
  await db.open();
  const manager = await testSession(['registeredManager']);
  const old = buildYoungPerson({
    dateOfBirth: '1950-06-01',
    firstName: 'Ada',
    lastName: 'Old',
    caseNumber: 'C-OLD',
  });
  const young = buildYoungPerson({ dateOfBirth: '2012-06-01', caseNumber: 'C-NEW' });
  await db.youngPeople.bulkPut([
    await youngPersonCodec.encode(old, manager.cipher),
    await youngPersonCodec.encode(young, manager.cipher),
  ]);
  const visitRow = (id: string, arrivedAt: string) => ({
    id,
    arrivedAt,
    visitingYoungPersonIds: [],
    sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(16) },
  });
  await db.visitorLog.bulkPut([
    visitRow(crypto.randomUUID(), '2009-01-05T10:00:00.000Z'),
    visitRow(crypto.randomUUID(), '2020-01-05T10:00:00.000Z'),
  ]);
  return { db, manager, old };
}

describe('records past retention are listed for the manager, never deleted', () => {
  it('lists a case record 75 years after the birth and register entries 15 years after the visit; deletes nothing', async () => {
    const { db, manager, old } = await setUp();
    const past = await retentionRepository(db).pastRetention(manager, today);
    expect(past).toEqual({
      ok: true,
      value: {
        caseRecords: [{ id: old.id, name: 'Ada Old', caseNumber: 'C-OLD', since: '2025-06-01' }],
        visitorRegister: 1,
        declarations: 0,
        disclosures: 0,
      },
    });
    expect(await db.youngPeople.count()).toBe(2);
    expect(await db.visitorLog.count()).toBe(2);
  });

  it('records the manager’s decision in the audit log, with a reason from the list and no free text', async () => {
    const { db, manager } = await setUp();
    const decided = await retentionRepository(db).recordDecision(manager, {
      kind: 'visitorRegister',
      decision: 'keep',
      reason: 'inquiry-or-claim',
    });
    expect(decided.ok).toBe(true);
    const entries = await db.audit.toArray();
    expect(entries.at(-1)).toMatchObject({
      action: 'retention.keep',
      recordType: 'visitorRegister',
      detail: 'inquiry-or-claim',
      actorId: manager.staff.id,
    });
    expect(await db.visitorLog.count()).toBe(2);
    const refused = await retentionRepository(db).recordDecision(manager, {
      kind: 'visitorRegister',
      decision: 'keep',
      reason: 'because Ada said so',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('only the Registered Manager sees or decides (need to know)', async () => {
    const { db } = await setUp();
    const careStaff = await testSession(['careStaff']);
    expect(await retentionRepository(db).pastRetention(careStaff, today)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await retentionRepository(db).recordDecision(careStaff, {
        kind: 'caseRecord',
        decision: 'approve-destruction',
        reason: 'period-ended',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('uses the manager’s own periods once saved, and audits the change', async () => {
    const { db, manager } = await setUp();
    const saved = await retentionRepository(db).saveSettings(manager, {
      caseRecordsYearsFromBirth: 80,
      visitorRegisterYears: 20,
      declarationsYears: 15,
      disclosuresYears: 15,
    });
    expect(saved.ok).toBe(true);
    const past = await retentionRepository(db).pastRetention(manager, today);
    expect(past).toMatchObject({ ok: true, value: { caseRecords: [], visitorRegister: 0 } });
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'retention.settings-changed' });
    expect(
      await retentionRepository(db).saveSettings(manager, {
        caseRecordsYearsFromBirth: 5,
        visitorRegisterYears: 20,
        declarationsYears: 15,
        disclosuresYears: 15,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
