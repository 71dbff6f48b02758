import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { markAppliedFromElsewhere } from '../../../../../renderer/src/db/sync/change-log';
import { startChangeLog, thisDevice } from '../../../../../renderer/src/db/sync/sync-device';
import { freshDatabase, signInVisitor } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const now = new Date('2026-12-01T10:00:00.000Z');
const room = (id: string, name = `Room ${id}`) => ({ id, name, isActive: true });

async function logged() {
  return db.syncChangeLog.orderBy('seq').toArray();
}

function expectNoGaps(seqs: readonly number[]) {
  expect(seqs).toEqual(seqs.map((_seq, index) => index + 1));
}

describe('the sync change log', () => {
  it('logs nothing, and adds no device row, while sync is not set up', async () => {
    db = freshDatabase();
    await db.rooms.put(room('a'));
    await db.settings.put({ key: 'home', value: { name: 'Oak House' } });
    expect(await db.syncChangeLog.count()).toBe(0);
    expect(await thisDevice(db)).toBeUndefined();
  });

  it('setting up logs every row that already exists, then numbers new writes after them', async () => {
    db = freshDatabase();
    await db.rooms.bulkPut([room('a'), room('b')]);
    await db.drafts.put({
      id: 'd1',
      ownerId: 's',
      updatedAt: now.toISOString(),
      sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(4) },
    });
    const device = await startChangeLog(db, now);
    expect(device.nextSeq).toBe(3);
    expect(await startChangeLog(db, now)).toEqual(device);
    await db.rooms.put(room('c'));
    const rows = await logged();
    expectNoGaps(rows.map((row) => row.seq));
    expect(rows.map((row) => [row.table, row.key, row.op])).toEqual([
      ['rooms', 'a', 'put'],
      ['rooms', 'b', 'put'],
      ['rooms', 'c', 'put'],
    ]);
    expect(rows[2]?.row).toEqual(room('c'));
    expect((await thisDevice(db))?.nextSeq).toBe(4);
  });

  it('numbers every write strictly in order with no gaps, across tables, bulk writes and deletions', async () => {
    db = freshDatabase();
    await startChangeLog(db, now);
    await db.transaction('rw', [db.rooms, db.settings], async () => {
      await Promise.all([
        db.rooms.bulkPut([room('a'), room('b')]),
        db.settings.put({ key: 'home', value: 1 }),
      ]);
      await db.rooms.delete('a');
    });
    await db.rooms.bulkAdd([room('c'), room('d')]);
    await db.rooms.where('id').between('c', 'd', true, true).delete();
    await db.drafts.put({
      id: 'd1',
      ownerId: 's',
      updatedAt: now.toISOString(),
      sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(4) },
    });
    const rows = await logged();
    expectNoGaps(rows.map((row) => row.seq));
    expect(rows.map((row) => `${row.op} ${row.table} ${String(row.key)}`).sort()).toEqual(
      [
        'put rooms a',
        'put rooms b',
        'put settings home',
        'delete rooms a',
        'put rooms c',
        'put rooms d',
        'delete rooms c',
        'delete rooms d',
      ].sort(),
    );
    // Deletions come after the writes they undo.
    const order = rows.map((row) => `${row.op} ${String(row.key)}`);
    expect(order.indexOf('delete a')).toBeGreaterThan(order.indexOf('put a'));
    expect(order.indexOf('delete c')).toBeGreaterThan(order.indexOf('put c'));
    expect((await thisDevice(db))?.nextSeq).toBe(rows.length + 1);
  });

  it('a transaction that rolls back leaves no log row and does not use up a number', async () => {
    db = freshDatabase();
    await startChangeLog(db, now);
    await db.rooms.put(room('a'));
    await expect(
      db.transaction('rw', db.rooms, async () => {
        await db.rooms.put(room('b'));
        throw new Error('the screen gave up');
      }),
    ).rejects.toThrow('the screen gave up');
    expect(await db.rooms.get('b')).toBeUndefined();
    await db.rooms.put(room('c'));
    const rows = await logged();
    expect(rows.map((row) => [row.seq, row.key])).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
  });

  it('never logs a setting that is this computer’s own state, when set up or after', async () => {
    db = freshDatabase();
    await db.settings.bulkPut([
      { key: 'home', value: { name: 'Oak House' } },
      { key: 'auditHead', value: { seq: 3, mac: 'a'.repeat(64) } },
      { key: 'keyRotation:casework', value: { step: 1 } },
    ]);
    await startChangeLog(db, now);
    await db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'auditHead', value: { seq: 4, mac: 'b'.repeat(64) } });
      await db.settings.put({ key: 'retention', value: { years: 25 } });
      await db.settings.delete('keyRotation:casework');
      await db.settings.put({ key: 'rowSeals', value: { format: 2 } });
    });
    const rows = await logged();
    expectNoGaps(rows.map((row) => row.seq));
    expect(rows.map((row) => `${row.op} ${String(row.key)}`)).toEqual(['put home', 'put retention']);
    // Nor does it keep versions for them: they are never another computer's to change.
    expect((await db.syncVersions.toArray()).map((row) => row.id).sort()).toEqual([
      'settings/home',
      'settings/retention',
    ]);
  });

  it('does not log again what another computer wrote and this one applied', async () => {
    db = freshDatabase();
    await startChangeLog(db, now);
    await db.transaction('rw', [db.rooms, db.settings], async (transaction) => {
      markAppliedFromElsewhere(transaction, ['rooms']);
      await db.rooms.put(room('from-the-office'));
      // This computer's own write in the same transaction is still its own.
      await db.settings.put({ key: 'home', value: 1 });
    });
    await db.rooms.put(room('here'));
    expect((await logged()).map((row) => [row.seq, row.key])).toEqual([
      [1, 'home'],
      [2, 'here'],
    ]);
    expect(await db.rooms.get('from-the-office')).toBeDefined();
  });

  it('logs an audit entry with the number IndexedDB gave it, and a visitor signed in with its sealed row', async () => {
    db = freshDatabase();
    await startChangeLog(db, now);
    const session = await testSession(['careStaff']);
    await signInVisitor(db, session);
    const rows = await logged();
    expectNoGaps(rows.map((row) => row.seq));
    const visitor = rows.find((row) => row.table === 'visitorLog');
    expect(visitor?.op).toBe('put');
    expect(JSON.stringify(visitor?.row)).not.toContain('Dawn');
    expect(visitor?.row).toEqual(await db.visitorLog.get(String(visitor?.key)));
    const audit = rows.find((row) => row.table === 'audit');
    expect(audit?.row).toEqual(await db.audit.get(Number(audit?.key)));
  });
});
