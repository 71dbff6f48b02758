// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FamilyLinksDb, openFamilyLinksDb } from '../../../../../renderer/src/db/database';
import { createAccountKeys } from '../../../../../renderer/src/db/encryption/key-wrapping';
import { staffCodec } from '../../../../../renderer/src/db/repositories/staff-repository';
import { latestSchemaVersion } from '../../../../../renderer/src/db/schema-versions';
import { restoreBackup, tableDigests } from '../../../../../renderer/src/db/backup/restore-backup';
import { backUpBeforeUpgrade } from '../../../../../renderer/src/db/backup/upgrade-backup';
import { olderDatabaseWithAccounts } from '../../../../../renderer/src/db/backup/database-at-start';
import { argon2idFloor } from '../../../../../shared/schemas/keyring';
import { buildStaffMember } from '../../../../factories';
import { testSession } from '../test-session';
import { backupRig, openedDb, withoutPendingAudit, type BackupRig } from './backup-test-support';
import { mainProcessRebase } from '../../../../../renderer/src/security/restore-anchor';

const name = 'family-links';
const password = 'a long enough password for tests';
const olderVersion = 4;

/** A signing credential as a keyring holds it; only its presence matters to these tests. */
async function signingSecrets(subjectName: string) {
  const secret = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const certificate = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
  return {
    signing: {
      secret,
      credential: {
        encryptedKey: 'AA==',
        certificateChainPem: [certificate, certificate],
        fingerprint: 'ab'.repeat(32),
        serialNumber: '01',
        subjectName,
        issuedAt: '2026-01-01T00:00:00.000Z',
        notAfter: '2036-01-01T00:00:00.000Z',
      },
    },
  };
}

/**
 * Records as version 4 of the app left them: the manager's account (with a signing key), a care
 * worker's account without one, and a visitor-log row.
 */
async function olderInstall(factory: IDBFactory) {
  const session = await testSession(['registeredManager']);
  const member = buildStaffMember({
    id: session.staff.id,
    username: 'sam.taylor',
    roles: ['registeredManager'],
  });
  const carer = buildStaffMember({ username: 'kim.lee', roles: ['careStaff'] });
  const db = new FamilyLinksDb(name, { upToVersion: olderVersion, indexedDB: factory });
  await db.open();
  for (const [staff, secrets] of [
    [member, await signingSecrets('Sam Taylor')],
    [carer, undefined],
  ] as const) {
    await db.staff.add(await staffCodec.encode(staff, session.cipher));
    await db.accountKeys.add(
      await createAccountKeys({
        staffId: staff.id,
        password,
        keys: session,
        passwordChangeRequired: false,
        kdf: { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 },
        ...(secrets ? { secrets } : {}),
      }),
    );
  }
  await db.visitorLog.add({
    id: crypto.randomUUID(),
    arrivedAt: '2026-11-01T10:00:00.000Z',
    visitingYoungPersonIds: [],
    isOnSite: 0,
    sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(20) },
  });
  db.close();
}

/** The older install written (`olderInstall`) and then found by the start's check, as it is before the upgrade. */
async function olderInstallFound() {
  const factory = new IDBFactory();
  await olderInstall(factory);
  const old = await olderDatabaseWithAccounts(factory, name);
  if (!old) throw new Error('the older records were not found');
  return { factory, old };
}

/**
 * The begin as the before-upgrade screen makes it, with the signing key the typed password opened:
 * here the rig's writes, and whose key was offered is remembered.
 */
function signedBy(rig: BackupRig, signers: string[] = []) {
  return (signing: { readonly credential: { readonly subjectName: string } }) => {
    signers.push(signing.credential.subjectName);
    return Promise.resolve(rig.writes);
  };
}

describe('a backup is taken before any schema upgrade', () => {
  it('is begun with the signing key of the account whose password was typed, and an account without one is told whose can', async () => {
    const { old } = await olderInstallFound();
    const rig = await backupRig();
    const signers: string[] = [];
    const refused = await backUpBeforeUpgrade(old, signedBy(rig, signers), { username: 'kim.lee', password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no-signing-key' } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      'Your account has no signing certificate, so it cannot make this backup. Ask one of these colleagues to sign in here and make it: sam.taylor.',
    );
    expect(signers).toEqual([]);
    expect(await rig.list()).toEqual([]);
    // A key that cannot be opened is refused the same way, and nothing is written.
    expect(
      await backUpBeforeUpgrade(old, () => Promise.resolve(undefined), { username: 'sam.taylor', password }),
    ).toMatchObject({ ok: false, error: { code: 'no-signing-key' } });
    expect(await rig.list()).toEqual([]);
    const written = await backUpBeforeUpgrade(old, signedBy(rig, signers), {
      username: 'sam.taylor',
      password,
    });
    expect(written.ok).toBe(true);
    expect(signers).toEqual(['Sam Taylor']);
    old.close();
  }, 60_000);

  it('wrong passwords at the before-upgrade screen count towards the same lockout as signing in, and are left for the audit log', async () => {
    const { old } = await olderInstallFound();
    const rig = await backupRig();
    const at = new Date('2026-11-30T09:00:00.000Z');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(
        await backUpBeforeUpgrade(
          old,
          signedBy(rig),
          { username: 'sam.taylor', password: `wrong password ${attempt}` },
          at,
        ),
      ).toMatchObject({ ok: false, error: { code: 'not-recognised' } });
    }
    const fifth = await backUpBeforeUpgrade(
      old,
      signedBy(rig),
      { username: 'sam.taylor', password: 'wrong password 5' },
      at,
    );
    expect(fifth.ok ? undefined : fifth.error).toMatchObject({ code: 'locked' });
    expect(fifth.ok ? '' : fifth.error.message).toContain('locked for 5 minutes');
    // Locked: even the right password waits, and nothing is backed up.
    expect(
      await backUpBeforeUpgrade(
        old,
        signedBy(rig),
        { username: 'sam.taylor', password },
        new Date(at.getTime() + 60_000),
      ),
    ).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await rig.list()).toEqual([]);
    const pending = await old.pendingAudit.toArray();
    expect(pending.filter((entry) => entry.action === 'session.sign-in-failed')).toHaveLength(5);
    expect(pending.filter((entry) => entry.action === 'account.locked-out')).toHaveLength(1);
    // After the lock, the right password makes the backup.
    expect(
      (
        await backUpBeforeUpgrade(
          old,
          signedBy(rig),
          { username: 'sam.taylor', password },
          new Date(at.getTime() + 6 * 60_000),
        )
      ).ok,
    ).toBe(true);
    old.close();
  });

  it('finds records older than this app before Dexie upgrades them, and backs them up as they are', async () => {
    const { factory, old } = await olderInstallFound();
    expect(old.verno).toBe(olderVersion);
    const rig = await backupRig();
    expect(
      await backUpBeforeUpgrade(old, signedBy(rig), {
        username: 'sam.taylor',
        password: 'wrong password here',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-recognised' } });
    expect(await rig.list()).toEqual([]);
    // The records as the backup should hold them (the wrong password above is counted in them).
    const before = await tableDigests(old);
    const written = await backUpBeforeUpgrade(old, signedBy(rig), { username: 'Sam.Taylor', password });
    if (!written.ok) throw new Error(written.error.message);
    expect(written.value.fileName).toMatch(/-before-upgrade\.flbackup$/);
    // Still at the older version: nothing was upgraded yet.
    const natives = await factory.databases();
    expect(natives.find((entry) => entry.name === name)?.version).toBe(olderVersion * 10);
    old.close();

    // Then the app opens (and upgrades) as usual.
    const opened = await openFamilyLinksDb(new FamilyLinksDb(name, { indexedDB: factory }));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.verno).toBe(latestSchemaVersion);
    opened.value.close();

    // And that backup restores into an empty install at its own version, rows identical,
    // and opening it afterwards upgrades it with the normal upgrade code.
    const elsewhere = new IDBFactory();
    const empty = await openedDb(name, elsewhere);
    const restored = await restoreBackup({
      live: empty,
      port: rig.port,
      source: { source: 'folder', fileName: written.value.fileName },
      username: 'sam.taylor',
      password,
      rebaseAnchor: mainProcessRebase(),
    });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.header.schemaVersion).toBe(olderVersion);
    const atOlder = new FamilyLinksDb(name, { upToVersion: olderVersion, indexedDB: elsewhere });
    await atOlder.open();
    // As backed up, but for the entry the restore leaves for the audit log.
    expect(withoutPendingAudit(await tableDigests(atOlder))).toEqual(withoutPendingAudit(before));
    atOlder.close();
    const upgraded = await openFamilyLinksDb(new FamilyLinksDb(name, { indexedDB: elsewhere }));
    if (!upgraded.ok) throw new Error(upgraded.error.message);
    expect(upgraded.value.verno).toBe(latestSchemaVersion);
    expect(await upgraded.value.staff.count()).toBe(2);
  }, 60_000);

  it('does nothing when the records are already at this version, or hold no account yet', async () => {
    const current = new IDBFactory();
    (await openedDb(name, current)).close();
    expect(await olderDatabaseWithAccounts(current, name)).toBeUndefined();
    const none = new IDBFactory();
    expect(await olderDatabaseWithAccounts(none, name)).toBeUndefined();
    const noAccounts = new IDBFactory();
    const db = new FamilyLinksDb(name, { upToVersion: olderVersion, indexedDB: noAccounts });
    await db.open();
    db.close();
    expect(await olderDatabaseWithAccounts(noAccounts, name)).toBeUndefined();
  });

  it('goes by the installed version it is told, when the start has just read it', async () => {
    const factory = new IDBFactory();
    await olderInstall(factory);
    const installed = { version: olderVersion * 10 };
    expect(await olderDatabaseWithAccounts(factory, name, { version: undefined })).toBeUndefined();
    expect(
      await olderDatabaseWithAccounts(factory, name, { version: latestSchemaVersion * 10 }),
    ).toBeUndefined();
    const old = await olderDatabaseWithAccounts(factory, name, installed);
    expect(old?.verno).toBe(olderVersion);
    old?.close();
  }, 60_000);
});
