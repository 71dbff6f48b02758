import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { freshDatabase } from './test-database';

const opened: FamilyLinksDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('version 19: family members’ special dates get a table of their own', () => {
  it('a database from version 16 opens with the table, its people untouched', async () => {
    const factory = new IDBFactory();
    const before = freshDatabase({ factory, upToVersion: 16 });
    opened.push(before);
    await before.open();
    expect(before.tables.map((table) => table.name)).not.toContain('personSpecialDates');
    await before
      .table('people')
      .add({ id: 'person-1', sealed: { iv: new Uint8Array(12), data: new Uint8Array(4) } });
    before.close();

    const after = freshDatabase({ factory, upToVersion: 19 });
    opened.push(after);
    await after.open();
    expect(after.verno).toBe(19);
    expect((await after.table('people').toArray()).map((row: { id: string }) => row.id)).toEqual([
      'person-1',
    ]);
    await after.table('personSpecialDates').add({ id: 'person-1', sealed: {} });
    expect(await after.table('personSpecialDates').get('person-1')).toEqual({ id: 'person-1', sealed: {} });
  });
});
