import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { rowBinding } from '../../../../../renderer/src/db/row-binding';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { declarationRepository } from '../../../../../renderer/src/db/repositories/declaration-repository';
import { declarationCodec } from '../../../../../renderer/src/db/repositories/declaration-repository';
import { accountRepository } from '../../../../../renderer/src/db/repositories/account-repository';
import {
  ensureHomeCompartments,
  keysAfterAccountChange,
} from '../../../../../renderer/src/db/account-key-changes';
import { createAccountKeyPair } from '../../../../../renderer/src/db/encryption/account-key-pair';
import { grantsFor, openGrants } from '../../../../../renderer/src/db/encryption/compartment-grants';
import {
  CompartmentLockedError,
  createRecordCipher,
} from '../../../../../renderer/src/db/encryption/record-cipher';
import { defaultKdfParams, type AccountKeys } from '../../../../../shared/schemas/keyring';
import { buildCourtOrderEntry } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const courtOrder = buildCourtOrderEntry({ conditions: 'Do not admit. Speak to the duty manager.' });

async function home() {
  db = freshDatabase();
  const [manager, careWorker, colleague, tutor] = await homeStaff('careStaff', 'careStaff', 'personalTutor');
  return { manager, careWorker, colleague, tutor };
}

/** A key-encryption key as a password would give one, without Argon2id (not what is being tested). */
const testKek = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);

describe('need to know by keys: what a session can open, whatever code runs in the page', () => {
  it('a care worker’s keys cannot open a restriction’s authority, reference or description', async () => {
    const { manager, careWorker, tutor } = await home();
    const recorded = await restrictionRepository(db).record(manager, courtOrder);
    if (!recorded.ok) throw new Error(recorded.error.message);
    const row = await db.restrictions.get(recorded.value.id);
    if (!row) throw new Error('not stored');

    // As DevTools would: the raw row and the session's own cipher, bypassing every repository check.
    await expect(restrictionCodec.decode(row, careWorker.cipher)).rejects.toBeInstanceOf(
      CompartmentLockedError,
    );
    if (!row.sealedCasework) throw new Error('the casework part is missing');
    const { sealed, sealedCasework, ...clear } = row;
    const bound = rowBinding('restrictions', clear);
    await expect(careWorker.cipher.open(`${bound}\ncasework`, sealedCasework)).rejects.toThrow();
    const doorPart = JSON.stringify(await careWorker.cipher.open(bound, sealed));
    expect(doorPart).not.toContain('ZW24C00123');
    expect(doorPart).not.toContain('Tall, grey beard');
    expect(doorPart).not.toContain('courtOrder');

    expect(await restrictionCodec.decode(row, tutor.cipher)).toMatchObject({
      authorityReference: 'ZW24C00123',
    });
  });

  it('the door check gets only what the door needs, for everyone', async () => {
    const { manager, careWorker } = await home();
    await restrictionRepository(db).record(manager, courtOrder);
    for (const session of [careWorker, manager]) {
      const {
        restrictions: [inForce],
      } = await restrictionRepository(db).listForCheck(session, '2026-06-01');
      expect(inForce).toMatchObject({
        name: 'John Smith',
        kind: 'noContact',
        conditions: courtOrder.conditions,
      });
      expect(JSON.stringify(inForce)).not.toContain('ZW24C00123');
      expect(inForce).not.toHaveProperty('authority');
      expect(inForce).not.toHaveProperty('description');
    }
    const {
      restrictions: [door],
    } = await restrictionRepository(db).listInForce(careWorker, '2026-06-01');
    expect(door).toMatchObject({ view: 'instruction' });
    expect(JSON.stringify(door)).not.toContain('ZW24C00123');
  });

  it('a care worker’s keys cannot open a colleague’s declaration; the manager’s can', async () => {
    const { manager, careWorker, colleague } = await home();
    const declarations = declarationRepository(db);
    const theirs = await declarations.recordOwn(colleague, {
      kind: 'giftOffered',
      happenedOn: '2026-11-18',
      whatHappened: 'Friend request from a former care leaver',
      whoWasInvolved: '',
      lineManagerId: manager.staff.id,
    });
    if (!theirs.ok) throw new Error(theirs.error.message);
    const row = await db.declarations.get(theirs.value.id);
    if (!row) throw new Error('not stored');
    expect(row.sealed.compartment).toBe(`declarations:${colleague.staff.id}`);
    await expect(declarationCodec.decode(row, careWorker.cipher)).rejects.toBeInstanceOf(
      CompartmentLockedError,
    );
    expect(await declarationCodec.decode(row, manager.cipher)).toMatchObject({ staffId: colleague.staff.id });
    expect(await declarationCodec.decode(row, colleague.cipher)).toMatchObject({
      staffId: colleague.staff.id,
    });
  });

  it('a row sealed before compartments (one key) still opens, and the door view strips its authority', async () => {
    const { manager, careWorker } = await home();
    const id = crypto.randomUUID();
    const legacy = {
      id,
      youngPersonId: courtOrder.youngPersonId,
      reviewOn: courtOrder.reviewOn,
      sealed: await createRecordCipher(manager.dataKey).seal(`restrictions:${id}`, {
        ...courtOrder,
        recordedById: manager.staff.id,
        endedReason: '',
      }),
    };
    await db.restrictions.add(legacy);
    expect(await restrictionCodec.decode(legacy, manager.cipher)).toMatchObject({
      authorityReference: 'ZW24C00123',
    });
    const door = await restrictionCodec.decodeInstruction(legacy, careWorker.cipher);
    expect(door).not.toHaveProperty('authorityReference');
  });
});

/**
 * An account's stored keys with a real key pair under a test KEK (the password-wrapped keys are
 * stand-ins) and no grants yet, with the KEK that opens the pair.
 */
async function storedAccount(manager: Awaited<ReturnType<typeof home>>['manager'], staffId: string) {
  const kek = await testKek();
  const keyPair = await createAccountKeyPair(staffId, kek, manager.auditKey);
  const stored: AccountKeys = {
    staffId,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    kdf: defaultKdfParams,
    wrappedDataKey: { iv: new Uint8Array(12), data: new ArrayBuffer(48) },
    wrappedAuditKey: { iv: new Uint8Array(12), data: new ArrayBuffer(48) },
    passwordChangeRequired: false,
    failedAttempts: [],
    keyPair,
    grants: [],
  };
  return { kek, keyPair, stored };
}

describe('the key side of changing an account', () => {
  it('adding a role gives its compartments; removing it takes them away', async () => {
    const { manager, careWorker } = await home();
    const { kek, stored } = await storedAccount(manager, careWorker.staff.id);
    const asCarer = await keysAfterAccountChange(manager, careWorker.staff, stored);
    if (asCarer.kind !== 'put') throw new Error('expected their own declarations key to be given');
    expect(asCarer.keys.grants?.map((grant) => grant.name)).toEqual(['ownDeclarations']);
    expect(
      (await openGrants(careWorker.staff.id, stored.keyPair, asCarer.keys.grants, kek)).compartments.casework,
    ).toBeUndefined();

    const promoted = { ...careWorker.staff, roles: ['careStaff', 'personalTutor'] as const };
    const asTutor = await keysAfterAccountChange(
      manager,
      { ...promoted, roles: [...promoted.roles] },
      asCarer.keys,
    );
    if (asTutor.kind !== 'put') throw new Error('expected the casework key to be given');
    const { compartments: opened } = await openGrants(
      careWorker.staff.id,
      stored.keyPair,
      asTutor.keys.grants,
      kek,
    );
    if (!opened.casework) throw new Error('the casework key did not open');
    const sealed = await manager.cipher.seal('t:1', { secret: 1 }, 'casework');
    expect(await createRecordCipher(careWorker.dataKey, opened).open('t:1', sealed)).toEqual({ secret: 1 });

    const demoted = await keysAfterAccountChange(manager, careWorker.staff, asTutor.keys);
    if (demoted.kind !== 'put') throw new Error('expected the casework key to be taken');
    expect(demoted.keys.grants?.map((grant) => grant.name)).toEqual(['ownDeclarations']);
  });

  it('a public key swapped on disk gets nothing', async () => {
    const { manager, careWorker } = await home();
    const { stored } = await storedAccount(manager, careWorker.staff.id);
    const attacker = await createAccountKeyPair(
      careWorker.staff.id,
      await testKek(),
      await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    );
    const account = { ...careWorker.staff, roles: ['personalTutor' as const] };
    expect(
      await grantsFor(
        account,
        await crypto.subtle.importKey(
          'raw',
          stored.keyPair!.publicKey,
          { name: 'ECDH', namedCurve: 'P-256' },
          true,
          [],
        ),
        manager.compartments,
      ),
    ).toHaveLength(2);
    const change = await keysAfterAccountChange(manager, account, { ...stored, keyPair: attacker });
    expect(change.kind).toBe('keep');
  });

  it('switching an account off deletes its wrapped keys in the same change', async () => {
    const { manager, careWorker } = await home();
    const { stored } = await storedAccount(manager, careWorker.staff.id);
    const accounts = accountRepository(db);
    await accounts.add(manager, careWorker.staff, stored, []);
    expect(await db.accountKeys.get(careWorker.staff.id)).toBeDefined();
    const off = { ...careWorker.staff, isActive: false };
    const change = await keysAfterAccountChange(manager, off, stored);
    expect(change).toEqual({ kind: 'revoke', staffId: careWorker.staff.id });
    await accounts.update(manager, off, [], change);
    expect(await db.accountKeys.get(careWorker.staff.id)).toBeUndefined();
  });
});

describe('a home that had one data key', () => {
  it('gets its compartment keys at a manager’s sign-in, never made twice', async () => {
    const { manager } = await home();
    // Before: the manager holds no compartment key and no account has been given one.
    const made = await ensureHomeCompartments(db, {});
    expect(made.casework && made.manager && made.declarationsMaster).toBeTruthy();

    // Once an account holds the casework key, another manager without it does not make a second one.
    const { keyPair, stored } = await storedAccount(manager, manager.staff.id);
    const publicKey = await crypto.subtle.importKey(
      'raw',
      keyPair.publicKey,
      { name: 'ECDH', namedCurve: 'P-256' },
      true,
      [],
    );
    await db.accountKeys.add({ ...stored, grants: await grantsFor(manager.staff, publicKey, made) });
    const second = await ensureHomeCompartments(db, {});
    expect(second.casework).toBeUndefined();
    expect(second.declarationsMaster).toBeUndefined();
  });
});
