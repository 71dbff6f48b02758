import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { freshDatabase } from './test-database';

const opened: FamilyLinksDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('version 7: the outbox is found by young person', () => {
  it('an outbox row stored before version 7 is kept and found by its young person afterwards', async () => {
    const factory = new IDBFactory();
    const before = freshDatabase({ factory, upToVersion: 6 });
    opened.push(before);
    await before.open();
    const youngPersonId = crypto.randomUUID();
    await before
      .table('outbox')
      .add({ id: 'message-1', state: 'queued', createdAt: '2026-11-20T10:00:00.000Z', youngPersonId });
    before.close();

    const after = freshDatabase({ factory, upToVersion: 7 });
    opened.push(after);
    await after.open();
    const found = await after.table('outbox').where('youngPersonId').equals(youngPersonId).toArray();
    expect(found.map((row: { id: string }) => row.id)).toEqual(['message-1']);
  });
});
