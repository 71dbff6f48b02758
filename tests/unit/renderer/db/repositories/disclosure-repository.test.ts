import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { disclosureRepository } from '../../../../../renderer/src/db/repositories/disclosure-repository';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const youngPersonId = crypto.randomUUID();
const registerCsv = { what: 'Visitor register CSV, 1 to 23 November 2026', kind: 'csv' };
const forOfsted = { recipient: 'Ofsted inspector', reason: 'ofstedInspection', reasonDetail: '' };

async function setUp() {
  db = freshDatabase();
  let now = new Date('2026-11-20T10:00:00.000Z');
  const [manager, careWorker] = await homeStaff('careStaff');
  const disclosures = disclosureRepository(db, () => now);
  const at = (iso: string) => {
    now = new Date(iso);
  };
  return { manager, careWorker, disclosures, at };
}

describe('the disclosure log', () => {
  it('records what left the app, to whom, why, when and by whom, with its audit entry', async () => {
    const { careWorker, manager, disclosures } = await setUp();
    const result = await disclosures.record(careWorker, registerCsv, forOfsted);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      ...registerCsv,
      ...forOfsted,
      byId: careWorker.staff.id,
      at: '2026-11-20T10:00:00.000Z',
    });
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({
      action: 'disclosure.recorded',
      actorId: careWorker.staff.id,
      recordType: 'disclosure',
      recordId: result.value.id,
    });
    expect(await disclosures.list(manager)).toEqual([result.value]);
  });

  it('keeps what left the app sealed: only the date, young person and who are plain', async () => {
    const { careWorker, disclosures } = await setUp();
    await disclosures.record(careWorker, { ...registerCsv, youngPersonId }, forOfsted);
    const [row] = await db.disclosures.toArray();
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'at',
      'byId',
      'id',
      'sealFormat',
      'sealed',
      'youngPersonId',
    ]);
  });

  it('needs a reason in words for “another reason”, and records nothing without one', async () => {
    const { careWorker, disclosures } = await setUp();
    const result = await disclosures.record(careWorker, registerCsv, {
      recipient: 'Me',
      reason: 'other',
      reasonDetail: '',
    });
    expect(result.ok ? undefined : result.error.fields?.['reasonDetail']).toMatch(/Say why/);
    expect(await db.disclosures.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('only the manager reads the log', async () => {
    const { careWorker, disclosures } = await setUp();
    await disclosures.record(careWorker, registerCsv, forOfsted);
    expect(await disclosures.list(careWorker)).toBeUndefined();
  });

  it('filters by young person and by date, newest first', async () => {
    const { careWorker, manager, disclosures, at } = await setUp();
    at('2026-11-01T09:00:00.000Z');
    await disclosures.record(careWorker, { ...registerCsv, what: 'early', youngPersonId }, forOfsted);
    at('2026-11-10T09:00:00.000Z');
    await disclosures.record(careWorker, { ...registerCsv, what: 'middle' }, forOfsted);
    at('2026-11-20T09:00:00.000Z');
    await disclosures.record(careWorker, { ...registerCsv, what: 'late', youngPersonId }, forOfsted);
    const whats = async (filter: Parameters<typeof disclosures.list>[1]) =>
      (await disclosures.list(manager, filter))?.map((item) => item.what);

    expect(await whats({})).toEqual(['late', 'middle', 'early']);
    expect(await whats({ youngPersonId })).toEqual(['late', 'early']);
    expect(await whats({ from: '2026-11-05T00:00:00.000Z', to: '2026-11-20T09:00:00.000Z' })).toEqual([
      'middle',
    ]);
    expect(await whats({ youngPersonId, from: '2026-11-05T00:00:00.000Z' })).toEqual(['late']);
  });
});
