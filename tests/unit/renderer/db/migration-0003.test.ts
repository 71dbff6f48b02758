import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { freshDatabase } from './test-database';

const opened: FamilyLinksDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('version 3: who is on site', () => {
  it('marks visitors from before the upgrade as on site until they signed out', async () => {
    const factory = new IDBFactory();
    const before = freshDatabase({ factory, upToVersion: 2 });
    opened.push(before);
    await before.open();
    await before.table('visitorLog').bulkAdd([
      {
        id: 'still-here',
        arrivedAt: '2026-11-20T09:00:00.000Z',
        visitingYoungPersonIds: [],
        sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(8) },
      },
      {
        id: 'gone-home',
        arrivedAt: '2026-11-20T10:00:00.000Z',
        departedAt: '2026-11-20T11:00:00.000Z',
        visitingYoungPersonIds: [],
        sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(8) },
      },
    ]);
    before.close();

    const after = freshDatabase({ factory, upToVersion: 3 });
    opened.push(after);
    await after.open();
    const onSite = await after.visitorLog.where('isOnSite').equals(1).primaryKeys();
    expect(onSite).toEqual(['still-here']);
    expect((await after.visitorLog.get('gone-home'))?.isOnSite).toBe(0);
  });
});
