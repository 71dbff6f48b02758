import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inMemoryProtectedStorage } from '../../../../electron/main/services/mail/in-memory-protected-storage';
import { createSyncSettingsStore } from '../../../../electron/main/services/sync/sync-settings-store';
import { generatePairingCode } from '../../../../shared/sync/pairing-code';
import { derivePairingKeys } from '../../../../shared/sync/pairing-keys';
import { withProofFrom } from '../../../support/manager-proof';
import { homeWithCertificates, mainRig } from '../main-rig';

// Whether and where this computer syncs is the Registered Manager's decision, checked by the main
// process from a proof it can verify: a page at the door, or DevTools on it, cannot make it.

const start = new Date('2026-11-23T10:00:00.000Z');
const connected = {
  server: { serverUrl: 'https://sync.oakfield.example/', database: 'oak-house' },
  computerUser: 'fl-oak-house-abcdefgh',
  password: 'this computer’s own server password',
};

const staff = {
  manager: { name: 'Pat Manager', roles: ['registeredManager'] },
  careWorker: { name: 'Sam Carer', roles: ['careStaff'] },
} satisfies Parameters<typeof homeWithCertificates>[1];
let home: Awaited<ReturnType<typeof homeWithCertificates<keyof typeof staff>>>;
beforeAll(async () => {
  home = await homeWithCertificates(start, staff);
}, 120_000);

/** A computer of the home that syncs: it knows the home CA, and its settings file is as the app wrote it. */
async function syncingComputer() {
  const protectedStorage = inMemoryProtectedStorage();
  const rig = mainRig({ now: () => start, protectedStorage });
  await rig.services.homeAuthority.learn(home.ca.authority.certificatePem, 'created');
  const store = createSyncSettingsStore({
    folder: rig.userData,
    protectedStorage,
    mainKey: rig.mainKey,
  });
  expect(await store.write(connected)).toBe('written');
  const path = join(rig.userData, 'sync-settings.json');
  let file = await readFile(path, 'utf8');
  /** The settings file written again behind the service's back; what `untouched` compares after. */
  const writeAgain = async () => {
    expect(await store.write(connected)).toBe('written');
    file = await readFile(path, 'utf8');
  };
  const fileUntouched = async () => expect(await readFile(path, 'utf8')).toBe(file);
  /** The settings file is exactly as it was, and this computer still syncs with it. */
  const untouched = async () => {
    expect(await readFile(path, 'utf8')).toBe(file);
    expect(await rig.value('sync:get-status', {})).toMatchObject({
      configured: true,
      serverUrl: connected.server.serverUrl,
      computerUser: connected.computerUser,
      hasPassword: true,
    });
  };
  return { rig, untouched, writeAgain, fileUntouched };
}

const refused = { ok: false, error: { code: 'not-permitted' } };

describe('forgetting the sync server', () => {
  it('is refused without a proof, before the service sees it', async () => {
    const { rig, untouched } = await syncingComputer();
    expect(await rig.call('sync:forget-server', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await untouched();
  });

  it('is refused for a care worker’s own, valid proof', async () => {
    const { rig, untouched } = await syncingComputer();
    const asked = await rig.withProof(home.careWorker, 'sync:forget-server', {});
    expect(await rig.call('sync:forget-server', asked)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', message: 'Only the Registered Manager can change this.' },
    });
    await untouched();
  });

  it('is refused for a “manager” of a CA the home does not know', async () => {
    const { rig, untouched } = await syncingComputer();
    const elsewhere = mainRig({ now: () => start });
    const forged = await elsewhere.issue(await elsewhere.createAuthority('Oakfield House'), {
      roles: ['registeredManager'],
    });
    expect(
      await rig.call('sync:forget-server', await rig.withProof(forged, 'sync:forget-server', {})),
    ).toMatchObject(refused);
    await untouched();
  });

  it('is refused for a challenge this computer never gave, or a proof sent twice', async () => {
    const { rig, untouched, writeAgain, fileUntouched } = await syncingComputer();
    const madeUp = await withProofFrom(
      () => ({ nonce: 'ab'.repeat(32) }),
      home.manager,
      'sync:forget-server',
      {},
    );
    expect(await rig.call('sync:forget-server', madeUp)).toMatchObject(refused);
    await untouched();
    // A proof for another manager-only request does not open this one.
    const forMail = await rig.withProof(home.manager, 'mail:clear-settings', {});
    expect(await rig.call('sync:forget-server', forMail)).toMatchObject(refused);
    await untouched();
    const proven = await rig.withProof(home.manager, 'sync:forget-server', {});
    expect(await rig.value('sync:forget-server', proven)).toEqual({ forgotten: true });
    expect(await rig.value('sync:get-status', {})).toEqual({ configured: false, passwordProtection: 'os' });
    // With a settings file there again, the same proof sent a second time does nothing.
    await writeAgain();
    expect(await rig.call('sync:forget-server', proven)).toMatchObject(refused);
    await fileUntouched();
  });

  it('is done for the Registered Manager’s proof', async () => {
    const { rig } = await syncingComputer();
    const proven = await rig.withProof(home.manager, 'sync:forget-server', {});
    expect(await rig.value('sync:forget-server', proven)).toEqual({ forgotten: true });
    expect(await rig.value('sync:get-status', {})).toEqual({ configured: false, passwordProtection: 'os' });
  });
});

describe('joining with a code', () => {
  it('is refused on a computer that already syncs with another server, so it cannot point it there', async () => {
    const { rig, untouched } = await syncingComputer();
    const code = generatePairingCode((count) => crypto.getRandomValues(new Uint8Array(count)));
    const keys = await derivePairingKeys(code, 'attackers-house');
    const joined = await rig.value('sync:complete-join', {
      server: { serverUrl: 'https://127.0.0.1:1/', database: 'attackers-house' },
      pairingId: code.pairingId,
      joinPassword: keys.joinPassword,
    });
    expect(joined).toMatchObject({
      outcome: 'failed',
      code: 'conflict',
      message: expect.stringMatching(/already connected to another sync server/) as unknown,
    });
    await untouched();
    // Nothing was tried against the server named: the refusal comes before any connection.
    expect(rig.log.map((entry) => entry.message).join('\n')).not.toMatch(/127\.0\.0\.1:1/);
  });

  it('teaches a new computer no CA from a join that did not complete, nor anything but one CA', async () => {
    const rig = mainRig({ now: () => start });
    const code = generatePairingCode((count) => crypto.getRandomValues(new Uint8Array(count)));
    const keys = await derivePairingKeys(code, 'oak-house');
    const join = {
      server: { serverUrl: 'https://127.0.0.1:1/', database: 'oak-house' },
      pairingId: code.pairingId,
      joinPassword: keys.joinPassword,
    };
    // No server there: the join fails, and the CA it carried is not trusted.
    const failed = await rig.value('sync:complete-join', {
      ...join,
      homeAuthorityPem: home.ca.authority.certificatePem,
    });
    expect(failed).toMatchObject({ outcome: 'failed' });
    expect(await rig.value('auth:home-authority', {})).toEqual({ state: 'none' });
    // What is not one certificate never reaches the service.
    const manager = home.manager.credential.certificateChainPem;
    for (const homeAuthorityPem of [manager.join(''), 'not a certificate', `${'A'.repeat(16_400)}`])
      expect(await rig.call('sync:complete-join', { ...join, homeAuthorityPem })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
  });
});

describe('connecting this computer again as a named server user', () => {
  it('takes only a name of a computer’s own form, before the service sees it', async () => {
    const { rig, untouched } = await syncingComputer();
    const admin = { name: 'couch-admin', password: 'the admin password' };
    // Names that would reset an admin's, a person's or a system user's password with the admin sign-in.
    const request = {
      server: connected.server,
      admin,
      createDatabase: false,
      computerUser: 'fl-oak-house-abcdefgh',
    };
    const proven = await rig.withProof(home.manager, 'sync:set-up-server', request);
    // Names that would reset an admin's, a person's or a system user's password with the admin sign-in.
    for (const computerUser of [
      'couch-admin',
      '_admin',
      'org.couchdb.user:fl-oak-house-abcdefgh',
      'fl-oak-house-',
    ]) {
      expect(await rig.call('sync:set-up-server', { ...proven, computerUser }), computerUser).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    await untouched();
  });
});
