import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffClaimsOf } from '../../../../electron/main/services/authority/staff-claims';
import type {
  ManagerChannel,
  ManagerRequest,
  SyncManagerChannel,
} from '../../../../shared/ipc/manager-request';
import { withProofFrom } from '../../../support/manager-proof';
import { homeWithCertificates, mainRig, type MainRig } from '../main-rig';

// What only a Registered Manager may do is checked by the main process itself, from a proof it
// can verify (shared/ipc/manager-proof.ts), never from anything the page says about who is signed in.

const settings = {
  host: 'smtp.oakfield.example',
  port: 587,
  security: 'starttls' as const,
  username: 'alerts@oakfield.example',
  fromAddress: 'alerts@oakfield.example',
  fromName: 'Oakfield House',
  caCertificatePem: '',
  attachSignedPdf: false,
};

/**
 * Every manager-only channel, with a request it accepts: the type makes a new one fail to compile
 * until it is here. The four that move a computer's sync need a server and a pairing to accept a
 * request, so `sync-manager-channels.test.ts` holds them to the same checks.
 */
const managerRequests: { [Channel in Exclude<ManagerChannel, SyncManagerChannel>]: ManagerRequest<Channel> } =
  {
    'mail:save-settings': { settings, password: 'correct horse battery staple' },
    'mail:clear-settings': {},
    'mail:send-test': { to: 'pat@oakfield.example' },
    'case-file:choose-folder': {},
    'backup:choose-folder': {},
    'backup:set-options': { keep: 5, intervalDays: 3 },
    'auth:revoke-staff': { staffId: '2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22', reason: 'role-removed' },
    'audit:rebase-anchor': { readId: '2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22' },
    'sync:forget-server': {},
  };
type CheckedHere = keyof typeof managerRequests;
const channels = Object.keys(managerRequests) as CheckedHere[];

// Keys take a while to make on a busy machine: one home's CA and staff are made once, and each test
// gets a main process of its own that knows that CA (as the computer that made it would).
const start = new Date('2026-11-23T10:00:00.000Z');
const staff = {
  manager: { name: 'Pat Manager', roles: ['registeredManager'] },
  careWorker: { name: 'Sam Carer', roles: ['careStaff', 'personalTutor'] },
  deputy: { name: 'Jo Deputy', roles: ['registeredManager'] },
} satisfies Parameters<typeof homeWithCertificates>[1];
let home: Awaited<ReturnType<typeof homeWithCertificates<keyof typeof staff>>>;
beforeAll(async () => {
  home = await homeWithCertificates(start, staff);
}, 120_000);

async function homeWithStaff(rig: MainRig = mainRig({ now: () => start })) {
  await rig.services.homeAuthority.learn(home.ca.authority.certificatePem, 'created');
  return { rig, ...home };
}

type Holder = Parameters<MainRig['withProof']>[0];

/** `who` asks `rig` to choose the backup folder, a manager-only request, with a proof of their own. */
const chooseBackupFolder = async (rig: MainRig, who: Holder) =>
  rig.call('backup:choose-folder', await rig.withProof(who, 'backup:choose-folder', {}));

/** A manager-only request refused, with a reason that matches `reason`. */
const refusedBecause = (reason: RegExp) => ({
  ok: false,
  error: { code: 'not-permitted', message: expect.stringMatching(reason) as unknown },
});

describe('manager-only channels', () => {
  it('besides moving sync, are exactly the settings, folders, backup options, revocation, audit rebase and leaving sync', () => {
    expect(channels.sort()).toEqual(
      [
        'audit:rebase-anchor',
        'auth:revoke-staff',
        'backup:choose-folder',
        'backup:set-options',
        'case-file:choose-folder',
        'mail:clear-settings',
        'mail:save-settings',
        'mail:send-test',
        'sync:forget-server',
      ].sort(),
    );
  });

  it.each(channels)('%s refuses a request with no proof before it reaches the service', async (channel) => {
    const { rig } = await homeWithStaff();
    const result = await rig.call(channel, { ...managerRequests[channel] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it.each(channels)('%s refuses a care worker’s own, valid proof', async (channel) => {
    const { rig, careWorker } = await homeWithStaff();
    const request = await rig.withProof(careWorker, channel, managerRequests[channel]);
    const result = await rig.call(channel, request);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', message: 'Only the Registered Manager can change this.' },
    });
  });

  it('accepts a Registered Manager’s proof, and does what was asked', async () => {
    const { rig, manager } = await homeWithStaff();
    const saved = await rig.value(
      'backup:set-options',
      await rig.withProof(manager, 'backup:set-options', { keep: 5, intervalDays: 3 }),
    );
    expect(saved).toMatchObject({ keep: 5, intervalDays: 3 });
    expect(await rig.value('backup:get-settings', {})).toMatchObject({ keep: 5, intervalDays: 3 });
  });

  it('never accepts the same proof twice, nor one for another request, nor one signed over another challenge', async () => {
    const { rig, manager } = await homeWithStaff();
    const proven = await rig.withProof(manager, 'backup:set-options', { keep: 5, intervalDays: 3 });
    expect((await rig.call('backup:set-options', proven)).ok).toBe(true);
    expect(await rig.call('backup:set-options', proven)).toMatchObject(refusedBecause(/sent twice/));
    const other = await rig.withProof(manager, 'backup:set-options', { keep: 5, intervalDays: 3 });
    expect(await rig.call('backup:set-options', { ...other, keep: 1 })).toMatchObject(
      refusedBecause(/signature does not match/),
    );
    const madeUp = await withProofFrom(() => ({ nonce: 'ab'.repeat(32) }), manager, 'backup:set-options', {
      keep: 5,
      intervalDays: 3,
    });
    expect(await rig.call('backup:set-options', madeUp)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted' },
    });
    // A proof for one channel does not open another.
    const forBackup = await rig.withProof(manager, 'backup:choose-folder', {});
    expect(await rig.call('case-file:choose-folder', forBackup)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted' },
    });
  });

  it('refuses a challenge older than two minutes', async () => {
    let now = start;
    const { rig, manager } = await homeWithStaff(mainRig({ now: () => now }));
    const proven = await rig.withProof(manager, 'backup:choose-folder', {});
    now = new Date(now.getTime() + 2 * 60_000 + 1);
    expect(await rig.call('backup:choose-folder', proven)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted' },
    });
  });

  it('refuses a “manager” certificate from any other CA, even one with the same home name', async () => {
    const { rig } = await homeWithStaff();
    const elsewhere = mainRig();
    const forged = await elsewhere.issue(await elsewhere.createAuthority('Oakfield House'), {
      roles: ['registeredManager'],
    });
    const request = await rig.withProof(forged, 'backup:choose-folder', {});
    expect(await rig.call('backup:choose-folder', request)).toMatchObject(
      refusedBecause(/not issued by this home/),
    );
    // Nor does the other CA get trusted by issuing with it.
    const taken = await rig.call('signing:issue-certificate', {
      authority: {
        encryptedKey: forged.credential.encryptedKey,
        certificatePem: forged.credential.certificateChainPem[1] ?? '',
      },
      authoritySecret: forged.secret,
      staff: { id: forged.staffId, name: 'Eve', roles: ['registeredManager'] },
      homeName: 'Oakfield House',
      secret: forged.secret,
    });
    expect(taken.ok && taken.value.outcome).not.toBe('issued');
  });

  it('refuses an expired manager certificate, saying how to renew it', async () => {
    let now = start;
    const { rig, manager } = await homeWithStaff(mainRig({ now: () => now }));
    now = new Date('2032-01-01T10:00:00.000Z');
    expect(await chooseBackupFolder(rig, manager)).toMatchObject(
      refusedBecause(/expired.*Renew my certificate/),
    );
  });

  it('after a manager’s role is removed, their old certificate no longer counts; a new one does', async () => {
    let now = start;
    const { rig, ca, manager, deputy: other } = await homeWithStaff(mainRig({ now: () => now }));
    now = new Date('2026-11-23T11:00:00.000Z');
    await rig.value(
      'auth:revoke-staff',
      await rig.withProof(manager, 'auth:revoke-staff', { staffId: other.staffId, reason: 'role-removed' }),
    );
    expect(await chooseBackupFolder(rig, other)).toMatchObject(
      refusedBecause(/before your roles last changed/),
    );
    now = new Date('2026-11-23T11:05:00.000Z');
    const reissued = await rig.issue(ca, {
      id: other.staffId,
      name: 'Jo Deputy',
      roles: ['registeredManager'],
    });
    expect((await chooseBackupFolder(rig, reissued)).ok).toBe(true);
  });

  it('a record of the home CA edited on disk stops manager-only requests rather than trusting it', async () => {
    const { rig, manager } = await homeWithStaff();
    const path = join(rig.userData, 'home-authority.json');
    const pinned = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...pinned, pinnedAt: '2020-01-01T00:00:00.000Z' }));
    expect(await chooseBackupFolder(rig, manager)).toMatchObject(
      refusedBecause(/changed outside Family Links/),
    );
  });

  it('a computer that does not know its home CA yet learns it only from a key it opens itself', async () => {
    const first = home;
    // The same home on a second computer (or one set up before the CA was kept): nothing known.
    const second = mainRig({ now: () => start });
    expect(await chooseBackupFolder(second, first.manager)).toMatchObject(
      refusedBecause(/does not know the home’s certificate authority/),
    );
    // Issuing with the CA's key (a manager's password opens its secret) teaches it.
    await second.issue(first.ca, { roles: ['careStaff'] });
    expect((await chooseBackupFolder(second, first.manager)).ok).toBe(true);
  });

  it('a first run that failed half-way may make its CA again, but once the home is set up it is never replaced', async () => {
    const rig = mainRig({ now: () => start });
    const failed = await rig.createAuthority();
    // Tried again: a new CA, and the manager's certificate from it counts.
    const second = await rig.createAuthority();
    const manager = await rig.issue(second, { roles: ['registeredManager'] });
    expect((await chooseBackupFolder(rig, manager)).ok).toBe(true);
    // The home's log starts: from now on another CA made here is not trusted.
    const [link] = [{ seq: 1, previousMac: '0'.repeat(64), mac: 'ab'.repeat(32) }];
    await rig.value('audit:anchor-head', { links: [link] });
    await rig.createAuthority();
    expect((await chooseBackupFolder(rig, manager)).ok).toBe(true);
    const stale = await rig.issue(failed, { roles: ['registeredManager'] }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(Error);
  });

  it('a computer that joined trusts the CA its code carried, and nothing made at its keyboard replaces it', async () => {
    const joined = mainRig({ now: () => start });
    expect(await joined.services.homeAuthority.learn(home.ca.authority.certificatePem, 'joined')).toBe(
      'accepted',
    );
    // The home's manager is believed from the first sign-in, with no certificate renewed here.
    expect((await chooseBackupFolder(joined, home.manager)).ok).toBe(true);
    // DevTools before anyone has signed in here: a CA of their own, and a manager it certifies.
    const theirs = await joined.createAuthority('Not the home');
    expect(
      await joined.issue(theirs, { roles: ['registeredManager'] }).catch((error: unknown) => error),
    ).toBeInstanceOf(Error);
    expect(await joined.services.homeAuthority.learn(theirs.authority.certificatePem, 'joined')).toBe(
      'refused',
    );
    expect((await chooseBackupFolder(joined, home.manager)).ok).toBe(true);
  });

  it('a join may replace the CA a failed first run left, but never once a home is set up', async () => {
    const halfSetUp = mainRig({ now: () => start });
    await halfSetUp.createAuthority('A first run that failed');
    expect(await halfSetUp.services.homeAuthority.learn(home.ca.authority.certificatePem, 'joined')).toBe(
      'accepted',
    );
    expect((await chooseBackupFolder(halfSetUp, home.manager)).ok).toBe(true);

    // A computer with a home of its own (its log anchored) that knows no CA: neither a CA made at
    // its keyboard nor one a join brings is learnt; a key opened here with its secret still is.
    const withHome = mainRig({ now: () => start });
    await withHome.value('audit:anchor-head', {
      links: [{ seq: 1, previousMac: '0'.repeat(64), mac: 'ab'.repeat(32) }],
    });
    const theirs = await withHome.createAuthority('Not the home');
    expect(await withHome.value('auth:home-authority', {})).toEqual({ state: 'none' });
    expect(await withHome.services.homeAuthority.learn(theirs.authority.certificatePem, 'joined')).toBe(
      'refused',
    );
    expect(await withHome.value('auth:home-authority', {})).toEqual({ state: 'none' });
    await withHome.issue(home.ca, { roles: ['careStaff'] });
    expect((await chooseBackupFolder(withHome, home.manager)).ok).toBe(true);
  });

  it('certificates name the account and its roles, and nothing else counts as a claim', async () => {
    const { manager, careWorker } = await homeWithStaff();
    const claimsOf = (pem: string | undefined) => staffClaimsOf(new X509Certificate(pem ?? ''));
    expect(claimsOf(manager.credential.certificateChainPem[0])).toEqual({
      staffId: manager.staffId,
      roles: ['registeredManager'],
    });
    expect(claimsOf(careWorker.credential.certificateChainPem[0])?.roles).toEqual([
      'careStaff',
      'personalTutor',
    ]);
    // The home CA itself names no one.
    expect(claimsOf(manager.credential.certificateChainPem[1])).toBeUndefined();
    expect(staffClaimsOf({ subjectAltName: 'email:pat@example.org' })).toBeUndefined();
    expect(
      staffClaimsOf({
        subjectAltName:
          'URI:urn:family-links:staff:2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22:roles:registeredManager, URI:urn:family-links:staff:3b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22:roles:careStaff',
      }),
    ).toBeUndefined();
    expect(
      staffClaimsOf({
        subjectAltName: 'URI:urn:family-links:staff:2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22:roles:superuser',
      }),
    ).toBeUndefined();
  });
});

describe('sending email as the home', () => {
  const message = {
    to: { name: 'Dawn Morris', email: 'dawn@example.org' },
    subject: 'Your visit on Saturday',
    text: 'Your visit on Saturday is confirmed.',
  };

  it('is refused to a page where no one is signed in: no proof, no email', async () => {
    const { rig } = await homeWithStaff();
    expect(await rig.call('mail:send', message)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('goes for any colleague signed in with their own certificate, a care worker too', async () => {
    const { rig, careWorker } = await homeWithStaff();
    // Past the proof, to the mail service: not set up on this computer, so it says so.
    expect(await rig.value('mail:send', await rig.withProof(careWorker, 'mail:send', message))).toMatchObject(
      {
        outcome: 'failed',
        failure: { code: 'not-configured' },
      },
    );
  });

  it('is refused with a certificate from another CA, a proof used twice, or one for another message', async () => {
    const { rig, careWorker } = await homeWithStaff();
    const elsewhere = mainRig();
    const forged = await elsewhere.issue(await elsewhere.createAuthority('Oakfield House'), {
      roles: ['careStaff'],
    });
    expect(await rig.call('mail:send', await rig.withProof(forged, 'mail:send', message))).toMatchObject(
      refusedBecause(/not issued by this home/),
    );
    const proven = await rig.withProof(careWorker, 'mail:send', message);
    expect((await rig.call('mail:send', proven)).ok).toBe(true);
    expect(await rig.call('mail:send', proven)).toMatchObject(refusedBecause(/sent twice/));
    const another = await rig.withProof(careWorker, 'mail:send', message);
    expect(
      await rig.call('mail:send', { ...another, to: { name: 'Eve', email: 'eve@example.org' } }),
    ).toMatchObject(refusedBecause(/signature does not match/));
  });

  it('is refused once the colleague’s certificate has been revoked (they left, or their roles changed)', async () => {
    let now = start;
    const { rig, manager, careWorker } = await homeWithStaff(mainRig({ now: () => now }));
    now = new Date('2026-11-23T11:00:00.000Z');
    await rig.value(
      'auth:revoke-staff',
      await rig.withProof(manager, 'auth:revoke-staff', {
        staffId: careWorker.staffId,
        reason: 'role-removed',
      }),
    );
    expect(await rig.call('mail:send', await rig.withProof(careWorker, 'mail:send', message))).toMatchObject(
      refusedBecause(/before your roles last changed/),
    );
  });
});

describe('the mail password is bound to the server it was saved for', () => {
  async function withSavedSettings() {
    const home = await homeWithStaff();
    const saved = await home.rig.value(
      'mail:save-settings',
      await home.rig.withProof(home.manager, 'mail:save-settings', {
        settings,
        password: 'correct horse battery staple',
      }),
    );
    expect(saved).toMatchObject({ outcome: 'saved', view: { hasPassword: true } });
    return home;
  }

  it.each([
    ['host', { host: 'smtp.elsewhere.example' }],
    ['port', { port: 2525 }],
    ['user name', { username: 'someone@elsewhere.example' }],
    ['CA', { caCertificatePem: 'another CA' }],
  ])('a new %s without the password typed again is refused, and nothing changes', async (_what, changed) => {
    const { rig, manager } = await withSavedSettings();
    // Any CA will do as "another": one made by another home.
    const change =
      'caCertificatePem' in changed
        ? { caCertificatePem: (await mainRig().createAuthority()).authority.certificatePem.trim() }
        : changed;
    const reply = await rig.value(
      'mail:save-settings',
      await rig.withProof(manager, 'mail:save-settings', { settings: { ...settings, ...change } }),
    );
    expect(reply).toMatchObject({ outcome: 'refused', code: 'password-needed' });
    expect((await rig.value('mail:get-settings', {})).settings).toMatchObject({
      host: settings.host,
      port: 587,
    });
  });

  it('the same server with other changes keeps the password', async () => {
    const { rig, manager } = await withSavedSettings();
    const reply = await rig.value(
      'mail:save-settings',
      await rig.withProof(manager, 'mail:save-settings', {
        settings: { ...settings, fromName: 'Oakfield alerts' },
      }),
    );
    expect(reply).toMatchObject({ outcome: 'saved', view: { hasPassword: true } });
  });

  it('a settings file pointed at another server on disk never gets the password', async () => {
    const { rig, manager } = await withSavedSettings();
    const path = join(rig.userData, 'mail-settings.json');
    const stored = JSON.parse(await readFile(path, 'utf8')) as { settings: Record<string, unknown> };
    await writeFile(
      path,
      JSON.stringify({ ...stored, settings: { ...stored.settings, host: '127.0.0.1', port: 2525 } }),
    );
    expect((await rig.value('mail:get-settings', {})).hasPassword).toBe(false);
    const sent = await rig.value(
      'mail:send-test',
      await rig.withProof(manager, 'mail:send-test', { to: 'pat@oakfield.example' }),
    );
    expect(sent).toMatchObject({ outcome: 'failed', failure: { code: 'no-password' } });
  });
});

describe('the main key', () => {
  it('is kept encrypted by protected storage, never as plain bytes, and made once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'family-links-main-key-'));
    const rig = mainRig({ root });
    await rig.createAuthority();
    const stored = JSON.parse(await readFile(join(rig.userData, 'main-key.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(stored).toMatchObject({ version: 1, protection: 'os' });
    expect(stored['key']).not.toMatch(/^[0-9a-f]{64}$/);
  });
});
