import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';

const opened = databasesClosedAfterEach();

describe('version 7: the outbox is found by young person', () => {
  it('an outbox row stored before version 7 is kept and found by its young person afterwards', async () => {
    const before = await databaseAtVersion(opened, 6);
    const youngPersonId = crypto.randomUUID();
    await before
      .table('outbox')
      .add({ id: 'message-1', state: 'queued', createdAt: '2026-11-20T10:00:00.000Z', youngPersonId });

    const after = await upgradeDatabase(opened, before, 7);
    const found = await after.table('outbox').where('youngPersonId').equals(youngPersonId).toArray();
    expect(found.map((row: { id: string }) => row.id)).toEqual(['message-1']);
  });
});
