import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';

const opened = databasesClosedAfterEach();

describe('schema version 5: contact forms', () => {
  it('forms stored at version 4 are found by the owed index and by young person and date after the upgrade', async () => {
    const before = await databaseAtVersion(opened, 4);
    const row = (
      id: string,
      authorId: string,
      status: string,
      dueAt: string,
      youngPersonId: string,
      contactEndedAt: string,
    ) => ({
      id,
      reference: `CF-${id}`,
      authorId,
      status,
      dueAt,
      youngPersonId,
      contactEndedAt,
      sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(1) },
    });
    await before
      .table('contactForms')
      .bulkAdd([
        row('b', 'ann', 'draft', '2026-11-22T10:00:00.000Z', 'yp1', '2026-11-20T10:00:00.000Z'),
        row('a', 'ann', 'draft', '2026-11-21T10:00:00.000Z', 'yp1', '2026-11-19T10:00:00.000Z'),
        row('c', 'ann', 'filed', '2026-11-20T10:00:00.000Z', 'yp2', '2026-11-18T10:00:00.000Z'),
        row('d', 'bob', 'draft', '2026-11-19T10:00:00.000Z', 'yp1', '2026-11-17T10:00:00.000Z'),
      ]);

    const after = await upgradeDatabase(opened, before, 5);
    const owed = await after.contactForms
      .where('[authorId+status+dueAt]')
      .between(['ann', 'draft', Dexie.minKey], ['ann', 'draft', Dexie.maxKey])
      .primaryKeys();
    expect(owed).toEqual(['a', 'b']);
    const ofYp1 = await after.contactForms
      .where('[youngPersonId+contactEndedAt]')
      .between(['yp1', '2026-11-18T00:00:00.000Z'], ['yp1', '2026-11-21T00:00:00.000Z'])
      .primaryKeys();
    expect(ofYp1).toEqual(['a', 'b']);
    expect(await after.caseFileQueue.count()).toBe(0);
  });
});
