import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from '../test-database';

const opened = databasesClosedAfterEach();

describe('version 3: who is on site', () => {
  it('marks visitors from before the upgrade as on site until they signed out', async () => {
    const before = await databaseAtVersion(opened, 2);
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

    const after = await upgradeDatabase(opened, before, 3);
    const onSite = await after.visitorLog.where('isOnSite').equals(1).primaryKeys();
    expect(onSite).toEqual(['still-here']);
    expect((await after.visitorLog.get('gone-home'))?.isOnSite).toBe(0);
  });
});
