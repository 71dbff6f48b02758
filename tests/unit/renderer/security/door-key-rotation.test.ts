// @vitest-environment node
// Node, not jsdom: hash-wasm's Argon2id and WebCrypto run natively there; fake-indexeddb is the store.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountKeys } from '../../../../shared/schemas/keyring';
import type { VisitorEntry } from '../../../../shared/schemas/registers';
import { buildVisitorEntry } from '../../../factories';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { createRecordCipher, KeysDroppedError } from '../../../../renderer/src/db/encryption/record-cipher';
import { draftContext, draftRepository } from '../../../../renderer/src/db/repositories/draft-repository';
import { keyRotationRepository } from '../../../../renderer/src/db/repositories/key-rotation-repository';
import { visitorLogRepository } from '../../../../renderer/src/db/repositories/visitor-log-repository';
import { visitorLogCodec } from '../../../../renderer/src/db/repositories/visitor-log-rows';
import {
  youngPeopleRepository,
  youngPersonCodec,
} from '../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../renderer/src/db/session';
import { authService } from '../../../../renderer/src/security/auth-service';
import { backUpNow } from '../../../../renderer/src/db/backup/back-up-now';
import { backupRig } from '../db/backup/backup-test-support';
import { lockAfterBatches } from '../db/key-rotation-test-support';
import { freshDatabase } from '../db/test-database';
import { okValue } from '../ok-value';
import {
  addColleague,
  colleaguePassword as carerPassword,
  managerPassword,
  setUpOakfield,
} from './oakfield-home';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const from = '2026-10-01T00:00:00.000Z';
const to = '2026-11-01T00:00:00.000Z';

/**
 * Oakfield House: Priya the manager; three care workers, Chris and Pat staying and Dana leaving,
 * each account made by the manager (so each has a key pair and the door key wrapped by its
 * password); `visits` visitor entries and three young people recorded under the first door key.
 */
async function home(visits: number) {
  db = freshDatabase();
  const auth = authService(db);
  const manager = await setUpOakfield(auth);
  const carer = (name: string, username: string) =>
    addColleague(auth, manager, { name, username, roles: ['careStaff'] });
  const people = {
    chris: await carer('Chris Doyle', 'cdoyle'),
    pat: await carer('Pat Jones', 'pjones'),
    dana: await carer('Dana Wells', 'dwells'),
  };
  for (const [n, caseNumber] of ['FL-0001', 'FL-0002', 'FL-0003'].entries())
    okValue(
      await youngPeopleRepository(db).save(manager, {
        caseNumber,
        firstName: `Child ${n}`,
        lastName: 'Hughes',
        dateOfBirth: '2012-03-14',
        placementStartsOn: '2025-09-01',
      }),
    );
  const entries: VisitorEntry[] = Array.from({ length: visits }, (_, n) =>
    buildVisitorEntry({
      visitorName: `Visitor ${n}`,
      arrivedAt: `2026-10-${String(n + 1).padStart(2, '0')}T14:05:00.000Z`,
      recordedAt: `2026-10-${String(n + 1).padStart(2, '0')}T14:05:00.000Z`,
      admittedById: manager.staff.id,
    }),
  );
  await visitorLogRepository(db, manager.cipher).addMany(manager, entries);
  const signIn = async (username: string, password = carerPassword): Promise<Session> =>
    okValue(await auth.signIn(username, password)).session;
  return { auth, manager, people, signIn };
}

const doorGenerationsOf = (keys: AccountKeys | undefined) => ({
  wrapped: keys?.wrappedDataKey ? (keys.dataKeyGeneration ?? 1) : undefined,
  grants: (keys?.grants ?? [])
    .filter((grant) => grant.name === 'door')
    .map((grant) => grant.generation ?? 1)
    .sort(),
});

describe('changing the door key after someone leaves', () => {
  it('gives the new door key by public key, seals again in batches, survives a lock and finishes', async () => {
    const { manager, people, signIn } = await home(7);
    const rotation = keyRotationRepository(db, { batchSize: 2 });
    const started = okValue(await rotation.start(manager, 'door'));
    expect(started).toMatchObject({ compartment: 'door', fromGeneration: 1, toGeneration: 2 });
    // Everyone switched on holds the new generation as a grant; the password still wraps the first.
    for (const person of [manager.staff, people.chris, people.pat])
      expect(doorGenerationsOf(await db.accountKeys.get(person.id))).toEqual({ wrapped: 1, grants: [2] });

    // A case number held by a young person not yet sealed again (indexed under the older key) is
    // still found.
    const duplicate = await youngPeopleRepository(db).save(manager, {
      caseNumber: 'fl-0003',
      firstName: 'Another',
      lastName: 'Child',
      dateOfBirth: '2013-01-01',
      placementStartsOn: '2026-01-01',
    });
    expect(duplicate.ok ? 'saved' : duplicate.error.code).toBe('duplicate-case-number');

    lockAfterBatches(db, manager, 'door', 2);
    await expect(rotation.run(manager, false)).rejects.toBeInstanceOf(KeysDroppedError);
    const [halfway] = await rotation.underWay();
    expect(halfway?.resealed).toBeGreaterThan(0);
    expect(halfway?.resealed).toBeLessThan(halfway?.total ?? 0);

    // Chris has not signed in since the change: his password opens his key pair and so the new
    // key, and he reads the register, entries sealed again and entries not yet alike.
    const visitorRows = await db.visitorLog.toArray();
    expect(visitorRows.some((row) => row.sealed.generation === 2)).toBe(false);
    const chris = await signIn('cdoyle');
    const register = await visitorLogRepository(db, chris.cipher).registerBetween(from, to);
    expect(register.map((entry) => entry.visitorName)).toHaveLength(7);
    // What he writes now is sealed under the new key; his own keyring now wraps it by his password.
    const added = buildVisitorEntry({
      visitorName: 'Sam Hughes',
      arrivedAt: '2026-10-20T10:00:00.000Z',
      recordedAt: '2026-10-20T10:00:00.000Z',
      admittedById: chris.staff.id,
    });
    await visitorLogRepository(db, chris.cipher).addMany(chris, [added]);
    expect((await db.visitorLog.get(added.id))?.sealed.generation).toBe(2);
    expect(doorGenerationsOf(await db.accountKeys.get(people.chris.id))).toEqual({ wrapped: 2, grants: [1] });
    const generations = new Set((await db.visitorLog.toArray()).map((row) => row.sealed.generation ?? 1));
    expect([...generations].sort()).toEqual([1, 2]);
    const both = await visitorLogRepository(db, chris.cipher).registerBetween(from, to);
    expect(both.map((entry) => entry.visitorName)).toContain('Sam Hughes');
    expect(both).toHaveLength(8);

    // The manager signs in again: it carries on from where it stopped and finishes.
    const again = await signIn('praman', managerPassword);
    const [outcome] = await rotation.run(again, true);
    expect(outcome).toMatchObject({ compartment: 'door', isComplete: true, damaged: 0 });
    expect(await rotation.underWay()).toEqual([]);
    const keyActions = (await db.audit.toArray())
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('keys.'));
    expect(keyActions).toEqual(['keys.rotation-started', 'keys.rotation-resumed', 'keys.rotation-finished']);
    const finished = (await db.audit.toArray()).find((entry) => entry.action === 'keys.rotation-finished');
    expect(finished?.detail).toMatch(
      /^door key generation 2: \d+ records sealed again; generation 1 deleted$/,
    );

    // Nothing of the first generation is left, wrapped or granted; Pat, who has not signed in,
    // holds only the new key, by public key.
    for (const keys of await db.accountKeys.toArray()) {
      const held = doorGenerationsOf(keys);
      expect([held.wrapped, ...held.grants].filter((generation) => generation === 1)).toEqual([]);
    }
    expect(doorGenerationsOf(await db.accountKeys.get(people.pat.id))).toEqual({
      wrapped: undefined,
      grants: [2],
    });
  });

  it('once finished, a leaver’s copy of the door key opens no door record', async () => {
    const { manager, auth, people, signIn } = await home(4);
    const dana = await signIn('dwells');
    const copied = dana.dataKey;
    okValue(await auth.switchOff(manager, people.dana.id, { leaverId: people.dana.id, assignments: [] }));
    // A draft kept under the door key, as every draft was before drafts went under their writer's own.
    const draftId = `${manager.staff.id}:contact-form:new`;
    await db.drafts.put({
      id: draftId,
      ownerId: manager.staff.id,
      updatedAt: '2026-11-20T09:00:00.000Z',
      sealed: await manager.cipher.seal(draftContext(draftId), { notes: 'Half written' }),
    });

    const rotation = keyRotationRepository(db, { batchSize: 3 });
    okValue(await rotation.start(manager, 'door'));
    await rotation.run(manager, false);

    // The copy, taken for either generation, opens none of the register, staff or young people.
    for (const copy of [
      createRecordCipher(copied),
      createRecordCipher(copied, { generations: { door: 2 } }),
    ]) {
      for (const row of await db.visitorLog.toArray())
        await expect(visitorLogCodec.decode(row, copy)).rejects.toBeInstanceOf(Error);
      for (const row of await db.youngPeople.toArray())
        await expect(youngPersonCodec.decode(row, copy)).rejects.toBeInstanceOf(Error);
    }
    for (const table of [db.visitorLog, db.staff, db.youngPeople])
      for (const row of await table.toArray()) expect(row.sealed.generation).toBe(2);
    // The manager's own draft came through, sealed again under their own key, not the door's.
    expect((await db.drafts.get(draftId))?.sealed.compartment).toBe(`declarations:${manager.staff.id}`);
    expect(await draftRepository(db, manager.cipher, manager.staff.id).get('contact-form:new')).toMatchObject(
      {
        values: { notes: 'Half written' },
      },
    );

    // Pat had not signed in since the change: signing in wraps the new key by his password, and
    // he reads the whole register.
    const pat = await signIn('pjones');
    expect(doorGenerationsOf(await db.accountKeys.get(people.pat.id))).toEqual({ wrapped: 2, grants: [] });
    const register = await visitorLogRepository(db, pat.cipher).registerBetween(from, to);
    expect(register).toHaveLength(4);
    // And the next time too, from the password alone.
    const patAgain = await signIn('pjones');
    expect(await visitorLogRepository(db, patAgain.cipher).registerBetween(from, to)).toHaveLength(4);
    // A switched-off account signs in to nothing.
    const refused = await auth.signIn('dwells', carerPassword);
    expect(refused.ok ? 'signed in' : refused.error.code).not.toBe('signed in');
  });

  it('writes no backup that the manager’s password could not open, until they sign in again', async () => {
    const { manager, signIn } = await home(2);
    okValue(await keyRotationRepository(db).start(manager, 'door'));
    const rig = await backupRig();
    const refused = await backUpNow(db, manager, rig.writes, 'manual', new Date('2026-12-04T12:00:00Z'));
    expect(refused.ok ? 'written' : refused.error.message).toContain('Sign out and back in');
    expect(await rig.list()).toEqual([]);

    const again = await signIn('praman', managerPassword);
    const written = await backUpNow(db, again, rig.writes, 'manual', new Date('2026-12-04T12:05:00Z'));
    expect(written.ok ? 'written' : written.error.message).toBe('written');
  });
});
