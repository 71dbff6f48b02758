import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/result';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { recordWriter } from '../../../../renderer/src/db/record-writer';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import { personCodec } from '../../../../renderer/src/db/repositories/people-repository';
import { plainStore, sealedStore } from '../../../../renderer/src/db/sealed-store';
import { buildPerson, buildRoom } from '../../../factories';
import { freshDatabase } from './test-database';
import { testSession } from './test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const at = new Date('2026-11-20T10:00:00.000Z');

async function setUp() {
  db = freshDatabase();
  const manager = await testSession(['registeredManager']);
  return {
    manager,
    records: recordWriter(db, () => at),
    people: sealedStore(db.people, personCodec),
    rooms: plainStore(db.rooms),
    entries: async () => (await auditLog(db).page(manager.roles, { limit: 50 })) ?? [],
  };
}

const room = (name: string) => buildRoom({ id: crypto.randomUUID(), name });

describe('the one write every repository makes', () => {
  it('stores the rows, sealed, and chains the events into the audit log in the same transaction', async () => {
    const { manager, records, people, entries } = await setUp();
    const person = buildPerson({ firstName: 'Dana', lastName: 'Okafor' });
    const written = await records.write(manager, {
      events: [{ action: 'person.created', recordType: 'person', recordId: person.id }],
      writes: [people.insert(person)],
    });
    expect(written).toEqual({ ok: true, value: undefined });
    const row = await db.people.get(person.id);
    expect(JSON.stringify(row)).not.toContain('Okafor');
    expect(await people.get(person.id, manager.cipher)).toEqual(person);
    expect((await entries()).map((entry) => [entry.action, entry.actorId, entry.at])).toEqual([
      ['person.created', manager.staff.id, at.toISOString()],
    ]);
    expect(await auditLog(db).verify(manager.roles, manager.auditKey)).toMatchObject({ kind: 'intact' });
  });

  it('refuses a replacement when someone saved the row since it was read, and writes nothing', async () => {
    const { manager, records, people, entries } = await setUp();
    const person = buildPerson({ firstName: 'Dana' });
    await records.write(manager, { events: [], writes: [people.insert(person)] });
    const read = await db.people.get(person.id);
    if (!read) throw new Error('The person was not stored');
    // Someone else saves first: a new seal, so a new IV.
    await records.write(manager, { events: [], writes: [people.put({ ...person, firstName: 'Dani' })] });

    const refusal = fail('changed-elsewhere', 'Someone else changed this a moment ago.');
    const written = await records.write(manager, {
      events: [{ action: 'person.updated', recordType: 'person', recordId: person.id }],
      writes: [people.replace(read, { ...person, firstName: 'Danielle' }, refusal)],
    });
    expect(written).toEqual(refusal);
    expect((await people.get(person.id, manager.cipher))?.firstName).toBe('Dani');
    expect(await entries()).toEqual([]);
  });

  it('replaces the row that was read', async () => {
    const { manager, records, people } = await setUp();
    const person = buildPerson({ firstName: 'Dana' });
    await records.write(manager, { events: [], writes: [people.insert(person)] });
    const read = await db.people.get(person.id);
    if (!read) throw new Error('The person was not stored');
    const written = await records.write(manager, {
      events: [],
      writes: [people.replace(read, { ...person, firstName: 'Danielle' }, fail('changed', 'Changed.'))],
    });
    expect(written.ok).toBe(true);
    expect((await people.get(person.id, manager.cipher))?.firstName).toBe('Danielle');
  });

  it('a change refused by its own check leaves every table as it was', async () => {
    const { manager, records, rooms, entries } = await setUp();
    const first = room('Family room');
    const second = room('Quiet room');
    const written = await records.write(manager, {
      events: [{ action: 'room.added', recordType: 'room', recordId: second.id }],
      writes: [rooms.put(first), rooms.put(second)],
      check: async () => ((await db.rooms.count()) === 0 ? fail('duplicate-name', 'Taken.') : undefined),
    });
    expect(written).toEqual(fail('duplicate-name', 'Taken.'));
    expect(await db.rooms.count()).toBe(0);
    expect(await entries()).toEqual([]);
  });

  it('before anyone signs in, keeps plain rows and leaves the events for the next sign-in to chain', async () => {
    const { records, rooms, people } = await setUp();
    await records.writeBeforeSignIn({
      events: [{ action: 'session.sign-in-failed', detail: 'unknown username' }],
      writes: [rooms.put(room('Family room'))],
    });
    expect(await db.rooms.count()).toBe(1);
    expect(await db.pendingAudit.toArray()).toEqual([
      expect.objectContaining({ action: 'session.sign-in-failed', at: at.toISOString() }),
    ]);
    await expect(
      records.writeBeforeSignIn({ events: [], writes: [people.insert(buildPerson())] }),
    ).rejects.toThrow(/sealed/);
  });
});
