import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';

const opened = databasesClosedAfterEach();

describe('version 19: family members’ special dates get a table of their own', () => {
  it('a database from version 16 opens with the table, its people untouched', async () => {
    const before = await databaseAtVersion(opened, 16);
    expect(before.tables.map((table) => table.name)).not.toContain('personSpecialDates');
    await before
      .table('people')
      .add({ id: 'person-1', sealed: { iv: new Uint8Array(12), data: new Uint8Array(4) } });

    const after = await upgradeDatabase(opened, before, 19);
    expect(after.verno).toBe(19);
    expect((await after.table('people').toArray()).map((row: { id: string }) => row.id)).toEqual([
      'person-1',
    ]);
    await after.table('personSpecialDates').add({ id: 'person-1', sealed: {} });
    expect(await after.table('personSpecialDates').get('person-1')).toEqual({ id: 'person-1', sealed: {} });
  });
});
