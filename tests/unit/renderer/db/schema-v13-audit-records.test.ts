import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';

const opened = databasesClosedAfterEach();

describe('version 13: audit entries are found by the record they are about', () => {
  it('entries written before version 13 are kept as they were and found by record afterwards', async () => {
    const before = await databaseAtVersion(opened, 12);
    const entries = [
      {
        at: '2026-11-20T10:00:00.000Z',
        actorId: 'staff-1',
        action: 'restriction.ended',
        recordType: 'restriction',
        recordId: 'r-1',
        previousMac: 'a',
        mac: 'b',
      },
      { at: '2026-11-20T10:01:00.000Z', action: 'session.sign-in-failed', previousMac: 'b', mac: 'c' },
      {
        at: '2026-11-20T10:02:00.000Z',
        actorId: 'staff-1',
        action: 'restriction.updated',
        recordType: 'restriction',
        recordId: 'r-1',
        previousMac: 'c',
        mac: 'd',
      },
    ];
    await before.table('audit').bulkAdd(entries);

    const after = await upgradeDatabase(opened, before, 13);
    const found = await after.audit
      .where('[recordType+recordId]')
      .equals(['restriction', 'r-1'])
      .primaryKeys();
    expect(found).toEqual([1, 3]);
    // Nothing about an entry changed, so its MAC still covers it.
    expect(await after.audit.orderBy('seq').toArray()).toEqual(
      entries.map((entry, index) => ({ seq: index + 1, ...entry })),
    );
  });
});
