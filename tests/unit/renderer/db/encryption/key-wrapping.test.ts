import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccountKeys,
  generateAuditKey,
  rewrapForNewPassword,
  unlockAccountKeys,
  unwrapAuditKey,
  unwrapDataKey,
  wrapKey,
  type HomeKeys,
} from '../../../../../renderer/src/db/encryption/key-wrapping';
import { deriveKeyEncryptionKey } from '../../../../../renderer/src/db/encryption/key-derivation';
import { createRecordCipher, generateDataKey } from '../../../../../renderer/src/db/encryption/record-cipher';
import {
  accountKeysSchema,
  argon2idFloor,
  defaultKdfParams,
  type AccountKeys,
  type KdfParams,
} from '../../../../../shared/schemas/keyring';

const floor: KdfParams = { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 };
const managerId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const carerId = 'f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e';
const managerPassword = 'kettle orbit violet marsh';
const carerPassword = 'winter-lantern-copper-fig';

function wrappedDoorKeyOf(record: AccountKeys): NonNullable<AccountKeys['wrappedDataKey']> {
  if (!record.wrappedDataKey) throw new Error('expected a door key wrapped by the password');
  return record.wrappedDataKey;
}

let home: HomeKeys;
let managerKeys: AccountKeys;
let carerKeys: AccountKeys;
let sealedNote: Awaited<ReturnType<ReturnType<typeof createRecordCipher>['seal']>>;

async function sameHmac(first: CryptoKey, second: CryptoKey): Promise<boolean> {
  const data = new TextEncoder().encode('entry 1');
  const [a, b] = await Promise.all([
    crypto.subtle.sign('HMAC', first, data),
    crypto.subtle.sign('HMAC', second, data),
  ]);
  return new Uint8Array(a).join() === new Uint8Array(b).join();
}

beforeAll(async () => {
  home = { dataKey: await generateDataKey(), auditKey: await generateAuditKey() };
  [managerKeys, carerKeys] = await Promise.all([
    createAccountKeys({
      staffId: managerId,
      password: managerPassword,
      keys: home,
      passwordChangeRequired: false,
      kdf: floor,
    }),
    createAccountKeys({
      staffId: carerId,
      password: carerPassword,
      keys: home,
      passwordChangeRequired: true,
      kdf: floor,
    }),
  ]);
  sealedNote = await createRecordCipher(home.dataKey).seal('contactForms:1', {
    note: 'Mum rang about Saturday.',
  });
});

describe('an account’s keyring record', () => {
  it('is valid against the keyring schema, with no lockout and a fresh salt', () => {
    expect(accountKeysSchema.safeParse(managerKeys).success).toBe(true);
    expect(managerKeys).toMatchObject({
      staffId: managerId,
      passwordChangeRequired: false,
      failedAttempts: [],
      kdf: floor,
    });
    expect(managerKeys.salt).not.toEqual(carerKeys.salt);
    expect(managerKeys).not.toHaveProperty('lockedUntil');
  });

  it('uses the default Argon2id parameters unless told otherwise', async () => {
    const record = await createAccountKeys({
      staffId: carerId,
      password: carerPassword,
      keys: home,
      passwordChangeRequired: false,
    });
    expect(record.kdf).toEqual(defaultKdfParams);
  });

  it('holds no key in the clear', () => {
    const stored = JSON.stringify(managerKeys, (_key, value: unknown) =>
      value instanceof ArrayBuffer ? [...new Uint8Array(value)] : value,
    );
    expect(stored).not.toMatch(/"k":|BEGIN|kty/);
    expect(wrappedDoorKeyOf(managerKeys).data.byteLength).toBe(48);
  });

  it('survives being stored in IndexedDB and read back', async () => {
    const db = new Dexie('keyring-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    db.version(1).stores({ accountKeys: 'staffId' });
    await db.table('accountKeys').put(managerKeys);
    const readBack = accountKeysSchema.parse(await db.table('accountKeys').get(managerId));
    db.close();
    const unlocked = await unlockAccountKeys(readBack, managerPassword);
    expect(unlocked.ok).toBe(true);
  });
});

describe('signing in', () => {
  it('with the right password opens the home’s data key and audit key', async () => {
    const unlocked = await unlockAccountKeys(carerKeys, carerPassword);
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    await expect(
      createRecordCipher(unlocked.value.dataKey).open('contactForms:1', sealedNote),
    ).resolves.toEqual({ note: 'Mum rang about Saturday.' });
    expect(await sameHmac(unlocked.value.auditKey, home.auditKey)).toBe(true);
    expect(unlocked.value.dataKey.usages).toEqual(expect.arrayContaining(['encrypt', 'decrypt']));
    expect(unlocked.value.auditKey.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
  });

  it('with a wrong password gives a value saying so, not an exception', async () => {
    await expect(unlockAccountKeys(carerKeys, 'winter-lantern-copper-fog')).resolves.toEqual({
      ok: false,
      error: {
        code: 'wrong-password',
        message: 'That password is not right. Check Caps Lock is off and try again.',
      },
    });
  });

  it('with another person’s password fails, even though that password opens their own account', async () => {
    await expect(unlockAccountKeys(carerKeys, managerPassword)).resolves.toMatchObject({
      ok: false,
      error: { code: 'wrong-password' },
    });
  });

  it.each<[string, (record: AccountKeys) => AccountKeys]>([
    [
      'the data key and audit key blobs are swapped',
      (record) => ({
        ...record,
        wrappedDataKey: record.wrappedAuditKey,
        wrappedAuditKey: wrappedDoorKeyOf(record),
      }),
    ],
    ['the record is moved to another staff id', (record) => ({ ...record, staffId: managerId })],
    [
      'one byte of the wrapped data key is changed',
      (record) => {
        const data = new Uint8Array(wrappedDoorKeyOf(record).data.slice(0));
        data[5] = (data[5] ?? 0) ^ 1;
        return { ...record, wrappedDataKey: { ...wrappedDoorKeyOf(record), data: data.buffer } };
      },
    ],
    [
      'its Argon2id parameters are changed',
      (record) => ({ ...record, kdf: { ...record.kdf, iterations: 3 } }),
    ],
  ])('fails when %s', async (_case, tamper) => {
    await expect(unlockAccountKeys(tamper(carerKeys), carerPassword)).resolves.toMatchObject({
      ok: false,
      error: { code: 'wrong-password' },
    });
  });

  it('unwraps each key only with its own context', async () => {
    const kek = await deriveKeyEncryptionKey(carerPassword, carerKeys.salt, carerKeys.kdf);
    expect((await unwrapDataKey(wrappedDoorKeyOf(carerKeys), kek, carerId)).ok).toBe(true);
    expect((await unwrapAuditKey(carerKeys.wrappedAuditKey, kek, carerId)).ok).toBe(true);
    expect((await unwrapAuditKey(wrappedDoorKeyOf(carerKeys), kek, carerId)).ok).toBe(false);
    const wrappedElsewhere = await wrapKey(home.dataKey, kek, 'data-key:someone-else');
    expect((await unwrapDataKey(wrappedElsewhere, kek, carerId)).ok).toBe(false);
  });
});

describe('setting a new password', () => {
  it('when the person changes their own: the new one opens the same keys, the old one no longer does', async () => {
    const changed = await rewrapForNewPassword(carerKeys, {
      newPassword: 'quarry tulip anchor pelican',
      keys: home,
      setBy: 'self',
    });
    expect(changed.salt).not.toEqual(carerKeys.salt);
    expect(changed.passwordChangeRequired).toBe(false);
    expect((await unlockAccountKeys(changed, carerPassword)).ok).toBe(false);
    const unlocked = await unlockAccountKeys(changed, 'quarry tulip anchor pelican');
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    await expect(
      createRecordCipher(unlocked.value.dataKey).open('contactForms:1', sealedNote),
    ).resolves.toEqual({ note: 'Mum rang about Saturday.' });
  });

  it('when the manager resets a colleague’s, with the keys from the manager’s own session, and clears the lockout', async () => {
    const managerSession = await unlockAccountKeys(managerKeys, managerPassword);
    if (!managerSession.ok) throw new Error(managerSession.error.message);
    const lockedOut: AccountKeys = {
      ...carerKeys,
      passwordChangeRequired: false,
      failedAttempts: [],
      lockedUntil: '2026-11-20T09:09:00.000Z',
    };
    const reset = await rewrapForNewPassword(lockedOut, {
      newPassword: 'temporary harbour lemon 42',
      keys: managerSession.value,
      setBy: 'manager-reset',
    });
    expect(reset).toMatchObject({ staffId: carerId, passwordChangeRequired: true, failedAttempts: [] });
    expect(reset).not.toHaveProperty('lockedUntil');
    const unlocked = await unlockAccountKeys(reset, 'temporary harbour lemon 42');
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    expect(await sameHmac(unlocked.value.auditKey, home.auditKey)).toBe(true);
  });

  it('raises the Argon2id parameters to the current defaults, and never lowers ones already raised', async () => {
    const raised = await rewrapForNewPassword(carerKeys, {
      newPassword: carerPassword,
      keys: home,
      setBy: 'self',
    });
    expect(raised.kdf).toEqual(defaultKdfParams);
    const stronger: AccountKeys = { ...carerKeys, kdf: { ...floor, memoryKiB: 98_304, iterations: 2 } };
    const kept = await rewrapForNewPassword(stronger, {
      newPassword: carerPassword,
      keys: home,
      setBy: 'self',
    });
    expect(kept.kdf).toEqual({ ...defaultKdfParams, memoryKiB: 98_304 });
  });
});
