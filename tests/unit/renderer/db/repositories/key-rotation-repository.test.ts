import { afterEach, describe, expect, it } from 'vitest';
import { buildStaffMember } from '../../../../factories';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import {
  createAccountKeyPair,
  verifiedPublicKey,
} from '../../../../../renderer/src/db/encryption/account-key-pair';
import { grantsFor, openGrants } from '../../../../../renderer/src/db/encryption/compartment-grants';
import {
  generateHomeCompartments,
  type CompartmentKeys,
} from '../../../../../renderer/src/db/encryption/compartment-keys';
import {
  auditKeyContext,
  dataKeyContext,
  generateAuditKey,
  wrapKey,
} from '../../../../../renderer/src/db/encryption/key-wrapping';
import {
  createRecordCipher,
  generateDataKey,
  KeysDroppedError,
} from '../../../../../renderer/src/db/encryption/record-cipher';
import { keyRotationRepository } from '../../../../../renderer/src/db/repositories/key-rotation-repository';
import { tablesResealedFor } from '../../../../../renderer/src/db/repositories/key-rotation-tables';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { staffCodec } from '../../../../../renderer/src/db/repositories/staff-repository';
import { sessionWithKeys } from '../../../../../renderer/src/db/session-keys';
import type { Session } from '../../../../../renderer/src/db/session';
import { defaultKdfParams, type AccountKeys } from '../../../../../shared/schemas/keyring';
import type { StaffMember, StaffRole } from '../../../../../shared/schemas/staff';
import { keysAfterAccountChange } from '../../../../../renderer/src/db/account-key-changes';
import { lockAfterBatches } from '../key-rotation-test-support';
import { freshDatabase } from '../test-database';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const restrictionInput = (n: number) => ({
  youngPersonId: crypto.randomUUID(),
  name: `Visitor ${n}`,
  aliases: [],
  description: 'Tall, grey beard',
  kind: 'noContact',
  conditions: 'Do not admit. Speak to the duty manager.',
  authority: 'courtOrder',
  authorityReference: `ZW24C0${1000 + n}`,
  effectiveFrom: '2026-01-01',
  reviewOn: '2026-12-01',
});

/** A key-encryption key as a password would give one, without Argon2id (not what is being tested). */
const testKek = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);

/**
 * A home with a manager, two Personal Tutors (one about to leave) and a care worker, each with a
 * keyring entry as a real account has (a key pair and the grants their roles allow), and
 * `count` restrictions recorded by the manager. `signIn` opens a person's grants as signing in
 * does, so a session after the rotation holds what the keyring gives, not what the test says.
 */
async function home(count: number) {
  db = freshDatabase();
  const dataKey = await generateDataKey();
  const auditKey = await generateAuditKey();
  const compartments = await generateHomeCompartments();
  const keks = new Map<string, CryptoKey>();
  const member = (roles: StaffRole[], name: string) => buildStaffMember({ roles, name });
  const people = {
    manager: member(['registeredManager'], 'Morgan Reid'),
    tutor: member(['personalTutor'], 'Priya Shah'),
    leaver: member(['personalTutor'], 'Lee Carter'),
    careWorker: member(['careStaff'], 'Chris Doyle'),
  };
  for (const person of Object.values(people)) {
    const kek = await testKek();
    keks.set(person.id, kek);
    const keyPair = await createAccountKeyPair(person.id, kek, auditKey);
    const publicKey = await verifiedPublicKey(keyPair, person.id, auditKey);
    if (!publicKey) throw new Error('key pair did not verify');
    const keys: AccountKeys = {
      staffId: person.id,
      salt: crypto.getRandomValues(new Uint8Array(16)),
      kdf: defaultKdfParams,
      wrappedDataKey: await wrapKey(dataKey, kek, dataKeyContext(person.id)),
      wrappedAuditKey: await wrapKey(auditKey, kek, auditKeyContext(person.id)),
      passwordChangeRequired: false,
      failedAttempts: [],
      keyPair,
      grants: await grantsFor(person, publicKey, compartments),
    };
    await db.accountKeys.put(keys);
  }
  const signIn = async (person: StaffMember): Promise<Session> => {
    const stored = await db.accountKeys.get(person.id);
    const kek = keks.get(person.id);
    if (!stored || !kek) throw new Error(`${person.name} cannot sign in`);
    const { compartments: opened } = await openGrants(person.id, stored.keyPair, stored.grants, kek);
    return sessionWithKeys(person, { dataKey, auditKey }, opened);
  };
  const manager = await signIn(people.manager);
  for (const person of Object.values(people))
    await db.staff.put(await staffCodec.encode(person, manager.cipher));
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const recorded = await restrictionRepository(db).record(manager, restrictionInput(n));
    if (!recorded.ok) throw new Error(recorded.error.message);
    ids.push(recorded.value.id);
  }
  return { people, manager, signIn, ids, dataKey, firstCasework: compartments.casework };
}

/** The leaver's copy of the casework key, used as if it were any generation (a copy carries no label). */
function copiedKeyCipher(dataKey: CryptoKey, casework: CryptoKey, generation: number) {
  const keys: CompartmentKeys = { casework, generations: { casework: generation } };
  return createRecordCipher(dataKey, keys);
}

async function rowsOf(ids: readonly string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const row = await db.restrictions.get(id);
      if (!row) throw new Error('not stored');
      return row;
    }),
  );
}

/** A change of the casework key started by `session`, sealing `batchSize` records again a batch. */
async function startedRotation(session: Session, batchSize = 2) {
  const rotation = keyRotationRepository(db, { batchSize });
  return { rotation, started: okValue(await rotation.start(session, 'casework')) };
}

async function auditActions() {
  return (await db.audit.toArray()).map((entry) => entry.action);
}

describe('changing the casework key after someone leaves', () => {
  it('gives the new key to everyone whose roles allow it, and seals what is written meanwhile under it', async () => {
    const { people, manager, signIn, ids } = await home(3);
    const { rotation, started } = await startedRotation(manager);
    expect(started).toMatchObject({ fromGeneration: 1, toGeneration: 2, total: 3, resealed: 0 });

    const generationsOf = async (person: StaffMember) =>
      ((await db.accountKeys.get(person.id))?.grants ?? [])
        .filter((grant) => grant.name === 'casework')
        .map((grant) => grant.generation ?? 1);
    expect(await generationsOf(people.manager)).toEqual([1, 2]);
    expect(await generationsOf(people.tutor)).toEqual([1, 2]);
    expect(await generationsOf(people.careWorker)).toEqual([]);

    // A tutor signing in now reads the old records and writes under the new key.
    const tutor = await signIn(people.tutor);
    const written = await restrictionRepository(db).record(tutor, restrictionInput(99));
    if (!written.ok) throw new Error(written.error.message);
    expect((await db.restrictions.get(written.value.id))?.sealedCasework).toMatchObject({ generation: 2 });
    const [first] = await rowsOf(ids);
    expect(await restrictionCodec.decode(first!, tutor.cipher)).toMatchObject({ name: 'Visitor 0' });

    // Only one change of a key at a time.
    const again = await rotation.start(manager, 'casework');
    expect(again.ok ? 'started' : again.error.code).toBe('already-running');
  });

  it('names a colleague with no key pair, who cannot be given the new key, for the manager to reset', async () => {
    const { people, manager } = await home(1);
    // An account made before key pairs, not signed in since: its keyring has no pair to wrap for.
    const row = await db.accountKeys.get(people.tutor.id);
    if (!row) throw new Error('the tutor has a keyring');
    const { keyPair: _omitted, ...withoutPair } = row;
    await db.accountKeys.put(withoutPair);
    const { started } = await startedRotation(manager);
    expect(started.leftOut).toEqual([people.tutor.name]);
    expect(
      ((await db.accountKeys.get(people.tutor.id))?.grants ?? []).filter((grant) => grant.generation === 2),
    ).toEqual([]);
  });

  it('stops when the screen locks after batch 2, and carries on from there at the next sign-in', async () => {
    const { people, manager, signIn, ids } = await home(7);
    const { rotation } = await startedRotation(manager);
    lockAfterBatches(db, manager, 'casework', 2);
    await expect(rotation.run(manager, false)).rejects.toBeInstanceOf(KeysDroppedError);

    const stored = (await rotation.underWay())[0];
    expect(stored).toMatchObject({ resealed: 4, total: 7, position: { table: 0 } });
    const halfway = (await rowsOf(ids)).filter((row) => row.sealedCasework?.generation === 2);
    expect(halfway).toHaveLength(4);

    const again = await signIn(people.manager);
    const [outcome] = await rotation.run(again, true);
    expect(outcome).toEqual({ compartment: 'casework', isComplete: true, resealed: 7, damaged: 0 });
    expect(await rotation.underWay()).toEqual([]);
    const actions = await auditActions();
    expect(actions.filter((action) => action.startsWith('keys.'))).toEqual([
      'keys.rotation-started',
      'keys.rotation-resumed',
      'keys.rotation-finished',
    ]);
    const finished = (await db.audit.toArray()).find((entry) => entry.action === 'keys.rotation-finished');
    expect(finished?.detail).toContain('7 records sealed again');

    // Every record under the new key; no account holds the first generation any more.
    for (const row of await rowsOf(ids)) expect(row.sealedCasework?.generation).toBe(2);
    for (const keys of await db.accountKeys.toArray())
      expect((keys.grants ?? []).filter((grant) => grant.name === 'casework' && !grant.generation)).toEqual(
        [],
      );
    // A tutor signing in now holds only the new key, and reads every record.
    const tutor = await signIn(people.tutor);
    expect(tutor.compartments.older ?? []).toEqual([]);
    for (const row of await rowsOf(ids))
      await expect(restrictionCodec.decode(row, tutor.cipher)).resolves.toMatchObject({
        authority: 'courtOrder',
      });
  });

  it('once finished, the old key opens no record, whatever generation it is taken for', async () => {
    const { manager, ids, dataKey, firstCasework } = await home(5);
    // Before: the first key opens every one of them.
    for (const row of await rowsOf(ids))
      await expect(
        restrictionCodec.decode(row, copiedKeyCipher(dataKey, firstCasework, 1)),
      ).resolves.toBeDefined();
    const { rotation } = await startedRotation(manager);
    await rotation.run(manager, false);
    // After: used in place of the new key, it fails each record's seal.
    const copy = copiedKeyCipher(dataKey, firstCasework, 2);
    for (const row of await rowsOf(ids))
      await expect(restrictionCodec.decode(row, copy)).rejects.toMatchObject({ name: 'DamagedRecordError' });
    for (const row of await rowsOf(ids))
      await expect(restrictionCodec.decode(row, manager.cipher)).resolves.toBeDefined();
  });

  it('a leaver’s copy of the key opens nothing written after the change, even mid-way', async () => {
    const { people, manager, signIn, dataKey } = await home(4);
    const leaver = await signIn(people.leaver);
    const copied = leaver.compartments.casework;
    if (!copied) throw new Error('a tutor holds casework');
    await startedRotation(manager);
    const after = await restrictionRepository(db).record(manager, restrictionInput(50));
    if (!after.ok) throw new Error(after.error.message);
    const [row] = await rowsOf([after.value.id]);
    await expect(restrictionCodec.decode(row!, copiedKeyCipher(dataKey, copied, 2))).rejects.toMatchObject({
      name: 'DamagedRecordError',
    });
    await expect(restrictionCodec.decode(row!, manager.cipher)).resolves.toMatchObject({
      name: 'Visitor 50',
    });
  });

  it('a record changed mid-way by a colleague keeps the change, under the new key, and is not sealed twice', async () => {
    const { people, manager, signIn, ids } = await home(6);
    const { rotation } = await startedRotation(manager, 3);
    lockAfterBatches(db, manager, 'casework', 1);
    await expect(rotation.run(manager, false)).rejects.toBeInstanceOf(KeysDroppedError);

    // While the manager is away, a tutor changes a record the rotation has not reached yet.
    const tutor = await signIn(people.tutor);
    const [target] = [...ids].sort().slice(-1);
    const changed = await restrictionRepository(db).change(
      tutor,
      target!,
      {
        kind: 'noContact',
        conditions: 'Phone contact only.',
        authority: 'courtOrder',
        authorityReference: 'ZW24C09999',
        effectiveFrom: '2026-12-04',
        reviewOn: '2027-06-01',
      },
      '2026-12-04',
    );
    if (!changed.ok) throw new Error(changed.error.message);
    expect((await db.restrictions.get(target!))?.sealedCasework?.generation).toBe(2);

    const [outcome] = await rotation.run(await signIn(people.manager), true);
    expect(outcome).toMatchObject({ isComplete: true, resealed: 5 });
    const [row] = await rowsOf([target!]);
    await expect(restrictionCodec.decode(row!, tutor.cipher)).resolves.toMatchObject({
      conditions: 'Phone contact only.',
      authorityReference: 'ZW24C09999',
    });
    // The history of that change is casework too, written under the new key.
    for (const history of await db.restrictionHistory.toArray()) expect(history.sealed.generation).toBe(2);
  });

  it('a care worker made a tutor mid-way is given both generations, and only the new one once it finishes', async () => {
    const { people, manager, signIn, ids } = await home(3);
    const { rotation } = await startedRotation(manager);
    const promoted = { ...people.careWorker, roles: ['personalTutor' as const] };
    const change = await keysAfterAccountChange(manager, promoted, await db.accountKeys.get(promoted.id));
    if (change.kind !== 'put') throw new Error('the promotion gives keys');
    await db.accountKeys.put(change.keys);
    expect(
      (change.keys.grants ?? [])
        .filter((grant) => grant.name === 'casework')
        .map((grant) => grant.generation ?? 1),
    ).toEqual([2, 1]);
    // Signed in before the records are sealed again, they open both kinds.
    const midway = await signIn(promoted);
    for (const row of await rowsOf(ids))
      await expect(restrictionCodec.decode(row, midway.cipher)).resolves.toBeDefined();

    await rotation.run(manager, false);
    const after = (await db.accountKeys.get(promoted.id))?.grants ?? [];
    expect(after.filter((grant) => grant.name === 'casework').map((grant) => grant.generation)).toEqual([2]);
  });

  it('refuses anyone but the manager', async () => {
    const { people, signIn } = await home(1);
    const tutor = await signIn(people.tutor);
    const refused = await keyRotationRepository(db).start(tutor, 'casework');
    expect(refused.ok ? 'started' : refused.error.code).toBe('forbidden');
    expect(await keyRotationRepository(db).underWay()).toEqual([]);
  });
});

describe('which tables a key change seals again', () => {
  // Tables with nothing sealed under the door key: plain reference data, the audit chain (its own
  // key), this computer's keyrings and queues, worked-out summaries (deleted and worked out again),
  // sync's own tables (sealed rows as sent), and a table sealed only under the casework key.
  const notUnderTheDoorKey = [
    'academicYears',
    'rooms',
    'settings',
    'reviewSamples',
    'audit',
    'pendingAudit',
    'accountKeys',
    'damagedRecords',
    'caseFileQueue',
    'reviewSummaries',
    'personSpecialDates',
  ];

  it('reaches every table of the database but those, so a new table cannot be left under an old key', () => {
    db = freshDatabase();
    const everyTable = db.tables.map((table) => table.name).filter((name) => !name.startsWith('sync'));
    const expected = everyTable.filter((name) => !notUnderTheDoorKey.includes(name)).sort();
    expect([...new Set(tablesResealedFor(db, 'door'))].sort()).toEqual(expected);
    for (const compartment of ['casework', 'manager'] as const)
      for (const name of tablesResealedFor(db, compartment)) expect(everyTable).toContain(name);
  });
});
