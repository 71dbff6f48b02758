import { IDBFactory } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, schemaVersions } from '../../../../renderer/src/db/schema-versions';
import { derivedTables, FamilyLinksDb, openFamilyLinksDb } from '../../../../renderer/src/db/database';
import { databaseAtVersion, databasesClosedAfterEach, freshDatabase, upgradeDatabase } from './test-database';

/**
 * Every version's upgrade, from data made at the version before: each table that exists at
 * version n-1 gets rows, the database is closed, opened at n, and every row must be there, the
 * same. This stays for every later version; a version with a data migration adds its own
 * assertions about the changed rows beside this.
 */
function sampleRow(table: string, primaryKey: string, index: number): Record<string, unknown> {
  const row: Record<string, unknown> = {
    note: `${table} row ${index}`,
    at: `2026-0${(index % 9) + 1}-01T10:00:00.000Z`,
  };
  if (primaryKey.startsWith('++')) return row;
  const key = primaryKey.replace(/^&/, '');
  row[key] = `${table}-${index}`;
  return row;
}

const opened = databasesClosedAfterEach();

describe.each(schemaVersions.filter((entry) => entry.version > 1).map((entry) => entry.version))(
  'upgrading to version %i',
  (version) => {
    it('keeps every row of every table that existed before', async () => {
      const before = await databaseAtVersion(opened, version - 1);
      const seeded = new Map<string, unknown[]>();
      for (const table of before.tables) {
        const rows = [0, 1, 2].map((index) => sampleRow(table.name, table.schema.primKey.src, index));
        await table.bulkAdd(rows);
        seeded.set(table.name, await table.toArray());
      }

      const after = await upgradeDatabase(opened, before, version);
      expect(after.verno).toBe(version);
      // Intact: every row is still there with every field it had. A migration may add fields
      // (its own test says which); it may not lose or change what was there. Derived tables are
      // the exception: a migration that touches their inputs empties them, as any write does,
      // and they are worked out again.
      for (const [name, rows] of seeded) {
        if (derivedTables.has(name)) continue;
        const afterRows = await after.table(name).toArray();
        expect(afterRows, `table ${name}`).toHaveLength(rows.length);
        rows.forEach((row, index) =>
          expect(afterRows[index], `table ${name} row ${index}`).toMatchObject(row as object),
        );
      }
    });
  },
);

describe('version 11: the Contact forms list', () => {
  it('marks every form stored before it, so its list fields are copied out at the next sign-in', async () => {
    const before = await databaseAtVersion(opened, 10);
    await before.table('contactForms').bulkAdd([
      { id: 'old-1', reference: 'CF-2026-000001', contactEndedAt: '2026-01-01T10:00:00.000Z', sealed: {} },
      { id: 'old-2', reference: 'CF-2026-000002', contactEndedAt: '2026-01-02T10:00:00.000Z', sealed: {} },
    ]);
    const after = await upgradeDatabase(opened, before, 11);
    expect(await after.table('contactForms').where('listFieldsPending').equals(1).primaryKeys()).toEqual([
      'old-1',
      'old-2',
    ]);
  });
});

/** The object stores and indexes an IndexedDB really has, as IndexedDB itself reports them. */
function nativeSchema(db: Dexie): Record<string, string[]> {
  const idb = db.backendDB();
  const stores = [...idb.objectStoreNames];
  const transaction = idb.transaction(stores, 'readonly');
  return Object.fromEntries(
    stores.map((name) => {
      const store = transaction.objectStore(name);
      const indexes = [...store.indexNames].map((indexName) => {
        const index = store.index(indexName);
        return `${indexName} ${JSON.stringify(index.keyPath)} unique=${index.unique} multi=${index.multiEntry}`;
      });
      return [name, [`key ${JSON.stringify(store.keyPath)} auto=${store.autoIncrement}`, ...indexes]];
    }),
  );
}

describe('the schema every start reaches', () => {
  // The oracle: the history declared to Dexie one version at a time, as written.
  async function declaredOneByOne(): Promise<Record<string, string[]>> {
    const db = new Dexie('one-by-one', { indexedDB: new IDBFactory(), IDBKeyRange: globalThis.IDBKeyRange });
    for (const entry of schemaVersions) db.version(entry.version).stores(entry.stores);
    opened.push(db);
    await db.open();
    return nativeSchema(db);
  }

  it('is the same for a new install as for the history declared version by version', async () => {
    const db = freshDatabase();
    opened.push(db);
    await db.open();
    expect(nativeSchema(db)).toEqual(await declaredOneByOne());
  });

  it.each(schemaVersions.slice(0, -1).map((entry) => entry.version))(
    'is the same for a database from version %i, upgraded in one step',
    async (version) => {
      const before = await databaseAtVersion(opened, version);
      const after = await upgradeDatabase(opened, before);
      expect(after.verno).toBe(latestSchemaVersion);
      expect(nativeSchema(after)).toEqual(await declaredOneByOne());
    },
  );

  it('runs each data change on the way, from the first version to the latest', async () => {
    const before = await databaseAtVersion(opened, 1);
    await before.table('visitorLog').bulkAdd([
      { id: 'in', arrivedAt: '2026-01-01T10:00:00.000Z', visitingYoungPersonIds: [] },
      {
        id: 'out',
        arrivedAt: '2026-01-01T10:00:00.000Z',
        departedAt: '2026-01-01T11:00:00.000Z',
        visitingYoungPersonIds: [],
      },
    ]);
    await before.table('contactForms').add({
      id: 'old-1',
      reference: 'CF-2026-000001',
      youngPersonId: 'yp',
      authorId: 'staff',
      dueAt: '2026-01-03T10:00:00.000Z',
      status: 'submitted',
      sealed: {},
    });
    const after = await upgradeDatabase(opened, before);
    expect(await after.table('visitorLog').where('isOnSite').equals(1).primaryKeys()).toEqual(['in']);
    expect(await after.table('contactForms').where('listFieldsPending').equals(1).primaryKeys()).toEqual([
      'old-1',
    ]);
  });
});

describe('opening the database', () => {
  it('opens at the latest version', async () => {
    const db = freshDatabase();
    opened.push(db);
    const result = await openFamilyLinksDb(db);
    expect(result.ok).toBe(true);
    expect(db.verno).toBe(latestSchemaVersion);
  });

  it('takes the installed version the start has just read, without asking IndexedDB again', async () => {
    const factory = new IDBFactory();
    let asked = 0;
    const counting = Object.assign(Object.create(factory) as IDBFactory, {
      databases: () => {
        asked += 1;
        return factory.databases();
      },
    });
    const db = new FamilyLinksDb('family-links-test', { indexedDB: counting });
    opened.push(db);
    const told = await openFamilyLinksDb(db, { version: latestSchemaVersion * 10 + 10 });
    expect(told.ok ? 'opened' : told.error.code).toBe('newer-schema');
    expect(asked).toBe(0);
    const fresh = await openFamilyLinksDb(db, { version: undefined });
    expect(fresh.ok).toBe(true);
    expect(asked).toBe(0);
  });

  it('refuses, in plain words, a database left by a newer version of the app', async () => {
    const factory = new IDBFactory();
    const newer = new Dexie('family-links-test', { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
    newer.version(latestSchemaVersion + 1).stores({ settings: 'key', futureTable: 'id' });
    await newer.open();
    newer.close();

    const db = new FamilyLinksDb('family-links-test', { indexedDB: factory });
    opened.push(db);
    const result = await openFamilyLinksDb(db);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('newer-schema');
      expect(result.error.message).toContain('newer version of Family Links');
    }
    const untouched = new Dexie('family-links-test', {
      indexedDB: factory,
      IDBKeyRange: globalThis.IDBKeyRange,
    });
    opened.push(untouched);
    await untouched.open();
    expect(untouched.tables.map((table) => table.name).sort()).toEqual(['futureTable', 'settings']);
  });
});
