// @vitest-environment node
// Node, not jsdom: hash-wasm's Argon2id and WebCrypto run natively there; fake-indexeddb is the store.
import 'fake-indexeddb/auto';
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../../../shared/bytes';
import { accountKeysSchema } from '../../../../../shared/schemas/keyring';
import { openSealedKey } from '../../../../../electron/main/services/signing/sealed-key';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { unlockAccount } from '../../../../../renderer/src/db/encryption/key-wrapping';
import {
  parseAuthority,
  signingAuthoritySettingKey,
} from '../../../../../renderer/src/db/encryption/signing-keys';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import { unlockSigner } from '../../../../../renderer/src/security/unlock-signer';
import { authService } from '../../../../../renderer/src/security/auth-service';
import { freshDatabase } from '../test-database';
import {
  colleaguePassword,
  managerPassword,
  oakfieldHouse as home,
  priyaRaman as manager,
  setUpOakfield,
} from '../../security/oakfield-home';
import { realSigningPort } from './signing-port-for-tests';

const colleague = {
  name: 'Siobhán O’Neill',
  username: 'soneill',
  email: 'siobhan@oakfield.example',
  password: colleaguePassword,
  confirmPassword: colleaguePassword,
};

let db: FamilyLinksDb;
afterEach(() => db?.close());

async function setUp() {
  db = freshDatabase();
  const port = realSigningPort();
  const auth = authService(db, () => new Date(), port);
  return { auth, port, session: await setUpOakfield(auth) };
}

async function keyring(staffId: string) {
  return accountKeysSchema.parse(await db.accountKeys.get(staffId));
}

/** The person's credential, which only their password opens. */
async function credentialOf(staffId: string, password: string) {
  const unlocked = await unlockAccount(await keyring(staffId), password);
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  return unlocked.value.secrets.signing?.credential;
}

/** The signer opens in main exactly as a signing channel would open it. */
function opens(signer: {
  credential: { encryptedKey: string; certificateChainPem: string[] };
  secret: string;
}) {
  const opened = openSealedKey({
    encryptedKey: base64ToBytes(signer.credential.encryptedKey),
    certificateChainPem: signer.credential.certificateChainPem,
    secret: signer.secret,
  });
  return opened.ok ? opened.value.signerName : opened.error.code;
}

async function actions(_session: unknown) {
  const entries = (await auditLog(db).page(['registeredManager'], { limit: 200 })) ?? [];
  return entries.map((entry) => `${entry.action}${entry.detail ? `: ${entry.detail}` : ''}`);
}

// Several Argon2id derivations a test (64 MiB each) on shared two-core machines: generous time.
describe('signing keys are made with the accounts and stay sealed', { timeout: 90_000 }, () => {
  it('makes the home CA and the first manager’s certificate at first run, and logs both', async () => {
    const { session } = await setUp();
    const authority = parseAuthority((await db.settings.get(signingAuthoritySettingKey))?.value);
    expect(authority?.certificatePem).toContain('BEGIN CERTIFICATE');
    const record = await keyring(session.staff.id);
    const credential = await credentialOf(session.staff.id, managerPassword);
    expect(credential?.subjectName).toBe('Priya Raman');
    expect(record.authorityKey).toBeDefined();
    // The manager's certificate was issued by the home CA.
    const leaf = new X509Certificate(credential?.certificateChainPem[0] ?? '');
    expect(leaf.verify(new X509Certificate(authority?.certificatePem ?? '').publicKey)).toBe(true);
    const log = await actions(session);
    expect(log.some((line) => line.startsWith('certificate.authority-created: SHA-256 '))).toBe(true);
    // The staff screen shows who has a certificate.
    expect(
      (await authService(db, () => new Date(), undefined).accountStates(session)).get(session.staff.id)
        ?.certificateUntil,
    ).toBe(credential?.notAfter);
    expect(log.some((line) => line.startsWith('certificate.issued: serial '))).toBe(true);
  });

  it('stores no private key or secret in readable form anywhere', async () => {
    await setUp();
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toContain('PRIVATE KEY');
    // An unencrypted PKCS#8 of an RSA key starts (in base64) with MIIE...AgEAMA0GCSqGSIb3DQEBAQUA.
    expect(everything).not.toContain('AgEAMA0GCSqGSIb3DQEBAQUA');
    // Staff certificates name people: they are sealed too (only the home CA's, which names the home, is plain).
    expect(everything).not.toContain('Priya Raman');
    expect(everything.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
  });

  it('gives every new account its own certificate; only the password opens it', async () => {
    const { auth, session } = await setUp();
    const created = await auth.createAccount(session, { ...colleague, roles: ['careStaff'] });
    if (!created.ok) throw new Error(created.error.message);
    const record = await keyring(created.value.id);
    expect((await credentialOf(created.value.id, colleaguePassword))?.subjectName).toBe('Siobhán O’Neill');
    expect(record.authorityKey).toBeUndefined();
    const signedIn = await auth.signIn('soneill', colleaguePassword);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const signer = await unlockSigner(db, signedIn.value.session, colleaguePassword);
    expect(signer.ok ? opens(signer.value) : signer.error.code).toBe('Siobhán O’Neill');
    const wrong = await unlockSigner(db, signedIn.value.session, managerPassword);
    expect(wrong.ok ? 'unlocked' : wrong.error.code).toBe('wrong-password');
    expect((await actions(session)).filter((line) => line.startsWith('certificate.issued'))).toHaveLength(2);
  });

  it('a manager added later gets the CA secret too, and can issue from their own session', async () => {
    const { auth, session, port } = await setUp();
    const worker = await auth.createAccount(session, { ...colleague, roles: ['careStaff'] });
    if (!worker.ok) throw new Error(worker.error.message);
    const second = await auth.createAccount(session, {
      name: 'Dev Patel',
      username: 'dpatel',
      email: 'dev@oakfield.example',
      password: 'velvet rooftop cobble tangerine',
      confirmPassword: 'velvet rooftop cobble tangerine',
      roles: ['registeredManager'],
    });
    if (!second.ok) throw new Error(second.error.message);
    expect((await keyring(second.value.id)).authorityKey).toBeDefined();
    const secondIn = await auth.signIn('dpatel', 'velvet rooftop cobble tangerine');
    if (!secondIn.ok) throw new Error(secondIn.error.message);
    const before = port.calls.length;
    const third = await auth.createAccount(secondIn.value.session, {
      name: 'Amy Lee',
      username: 'alee',
      email: 'amy@oakfield.example',
      password: 'harbour violet pencil summit',
      confirmPassword: 'harbour violet pencil summit',
      roles: ['careStaff'],
    });
    if (!third.ok) throw new Error(third.error.message);
    expect(port.calls.slice(before)).toEqual(['signing:issue-certificate']);
    expect((await keyring(third.value.id)).signingKey).toBeDefined();
  });

  it('keeps the same key when people change their own password', async () => {
    const { auth, session } = await setUp();
    const before = (await credentialOf(session.staff.id, managerPassword))?.serialNumber;
    const changed = await auth.changeOwnPassword(
      session,
      managerPassword,
      'saffron lighthouse gravel tundra',
    );
    expect(changed.ok).toBe(true);
    const after = await keyring(session.staff.id);
    expect(after.signingKey).toBeDefined();
    expect((await credentialOf(session.staff.id, 'saffron lighthouse gravel tundra'))?.serialNumber).toBe(
      before,
    );
    const signer = await unlockSigner(db, session, 'saffron lighthouse gravel tundra');
    expect(signer.ok ? opens(signer.value) : signer.error.code).toBe('Priya Raman');
    // And the manager can still issue after signing in with the new password.
    const again = await auth.signIn('praman', 'saffron lighthouse gravel tundra');
    if (!again.ok) throw new Error(again.error.message);
    const created = await auth.createAccount(again.value.session, { ...colleague, roles: ['careStaff'] });
    expect(created.ok ? Boolean((await keyring(created.value.id)).signingKey) : created.error.message).toBe(
      true,
    );
  });

  it('issues a fresh certificate when the manager resets a forgotten password, and says so in the log', async () => {
    const { auth, session } = await setUp();
    const worker = await auth.createAccount(session, { ...colleague, roles: ['careStaff'] });
    if (!worker.ok) throw new Error(worker.error.message);
    const oldSerial = (await credentialOf(worker.value.id, colleaguePassword))?.serialNumber;
    const reset = await auth.resetPassword(session, worker.value.id, 'thimble crescent walnut orbit');
    expect(reset.ok).toBe(true);
    const record = await keyring(worker.value.id);
    expect(record.signingKey).toBeDefined();
    expect((await credentialOf(worker.value.id, 'thimble crescent walnut orbit'))?.serialNumber).not.toBe(
      oldSerial,
    );
    const signedIn = await auth.signIn('soneill', 'thimble crescent walnut orbit');
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const signer = await unlockSigner(db, signedIn.value.session, 'thimble crescent walnut orbit');
    expect(signer.ok ? opens(signer.value) : signer.error.code).toBe('Siobhán O’Neill');
    expect(
      (await actions(session)).some((line) =>
        line.startsWith('certificate.reissued: password reset: the old key cannot be opened'),
      ),
    ).toBe(true);
  });

  it('makes accounts without a certificate when there is no signing service, and says why', async () => {
    db = freshDatabase();
    const auth = authService(db, () => new Date(), undefined);
    const result = await auth.setUpHome({ home, manager });
    if (!result.ok) throw new Error(result.error.message);
    expect((await keyring(result.value.session.staff.id)).signingKey).toBeUndefined();
    expect((await auth.accountStates(result.value.session)).get(result.value.session.staff.id)).toEqual({
      passwordChangeRequired: false,
    });
    const signer = await unlockSigner(db, result.value.session, managerPassword);
    expect(signer.ok ? 'unlocked' : signer.error.code).toBe('no-certificate');
    expect(
      (await actions(result.value.session)).some(
        (line) => line === 'certificate.not-issued: no signing service in this window',
      ),
    ).toBe(true);
  });
});
