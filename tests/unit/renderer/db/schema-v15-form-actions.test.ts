import { describe, expect, it } from 'vitest';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from './test-database';

const opened = databasesClosedAfterEach();

describe('version 15: actions agreed on filed forms get a table of their own', () => {
  it('a database from version 14 opens with the table, its forms untouched, and the open actions found by date', async () => {
    const before = await databaseAtVersion(opened, 14);
    expect(before.tables.map((table) => table.name)).not.toContain('formActions');
    await before.table('contactForms').add({ id: 'form-1', reference: 'CF-1', status: 'filed' });

    const after = await upgradeDatabase(opened, before, 15);
    expect((await after.table('contactForms').toArray()).map((row: { id: string }) => row.id)).toEqual([
      'form-1',
    ]);
    await after.table('formActions').bulkAdd([
      {
        id: 'a',
        formId: 'form-1',
        youngPersonId: 'yp',
        ownerStaffId: 'tom',
        status: 'open',
        dueOn: '2026-12-03',
      },
      { id: 'b', formId: 'form-1', youngPersonId: 'yp', status: 'open', dueOn: '2026-12-09' },
      {
        id: 'c',
        formId: 'form-1',
        youngPersonId: 'yp',
        ownerStaffId: 'tom',
        status: 'done',
        dueOn: '2026-12-01',
      },
    ]);
    const overdue = await after
      .table('formActions')
      .where('[status+dueOn]')
      .between(['open', '0000-01-01'], ['open', '2026-12-04'])
      .primaryKeys();
    expect(overdue).toEqual(['a']);
    expect(await after.table('formActions').where('ownerStaffId').equals('tom').primaryKeys()).toEqual([
      'a',
      'c',
    ]);
  });
});
