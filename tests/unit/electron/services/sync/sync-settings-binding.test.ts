import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCouchTestServer, type CouchTestServer } from '../../../../support/couchdb-test-server';
import { makeTestCertificates } from '../../../../support/test-certificates';
import { couchTestRig, homeDatabase } from './couch-test-rig';

// The sync settings file holds where this computer's server password may be sent. Someone who can
// edit the file but not open the main key must not be able to send that password, or anything
// else, to a server of their own: a file the main key does not vouch for is not used at all.

const { couch, server, syncService: computer } = couchTestRig('family-links-sync-binding-');

let impostor: CouchTestServer | undefined;
beforeAll(async () => {
  impostor = await startCouchTestServer({ certificates: makeTestCertificates('Impostor CA') });
}, 60_000);
afterAll(async () => {
  await impostor?.close();
});
const elsewhere = (): CouchTestServer => {
  if (!impostor) throw new Error('The impostor server has not started.');
  return impostor;
};

type StoredFile = Record<string, unknown> & { server: Record<string, unknown> };

/** A computer set up with the home's server, and how to edit its settings file then start it again. */
async function setUpComputer() {
  const one = await computer();
  const done = await one.sync.setUpServer({ server: server(), admin: couch().admin, createDatabase: true });
  if (done.outcome !== 'done') throw new Error(done.message);
  const path = join(one.folder, 'sync-settings.json');
  const stored = JSON.parse(await readFile(path, 'utf8')) as StoredFile;
  return {
    ...one,
    path,
    stored,
    async edit(change: (file: StoredFile) => unknown) {
      await writeFile(path, JSON.stringify(change(structuredClone(stored))));
      return one.reopen();
    },
  };
}

type Sync = ReturnType<Awaited<ReturnType<typeof computer>>['reopen']>;

/** Every call that would reach the server with this computer's password: each refused, none sent. */
async function expectNothingSent(sync: Sync) {
  const homeStart = couch().requests.length;
  const impostorStart = elsewhere().requests.length;
  expect(await sync.getStatus()).toEqual({
    configured: false,
    passwordProtection: 'os',
    changedOutsideApp: true,
  });
  const notConfigured = { outcome: 'failed', code: 'not-configured' };
  expect(await sync.http({ method: 'GET', path: '/', query: '' })).toMatchObject(notConfigured);
  expect(
    await sync.http({ method: 'GET', path: '/_changes', query: 'feed=longpoll&timeout=1000' }),
  ).toMatchObject(notConfigured);
  expect(await sync.pairingStatus({ pairingId: 'abcdefgh' })).toMatchObject(notConfigured);
  expect(await sync.cancelPairing({ pairingId: 'abcdefgh', joinPassword: 'x'.repeat(43) })).toMatchObject(
    notConfigured,
  );
  expect(
    await sync.removeComputer({ admin: elsewhere().admin, computerUser: 'fl-oak-house-abcdefgh' }),
  ).toMatchObject(notConfigured);
  // Long enough for any request sent to have been recorded by either server.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(elsewhere().requests.slice(impostorStart)).toEqual([]);
  expect(couch().requests.slice(homeStart)).toEqual([]);
}

describe('the sync settings file', () => {
  it('as Family Links wrote it, is used: the relay reaches the home’s server as this computer', async () => {
    const one = await setUpComputer();
    expect(typeof one.stored.bindingTag).toBe('string');
    const again = one.reopen();
    expect(await again.getStatus()).toMatchObject({
      configured: true,
      database: homeDatabase,
      hasPassword: true,
    });
    const start = couch().requests.length;
    expect(await again.http({ method: 'GET', path: '/', query: '' })).toMatchObject({
      outcome: 'reply',
      status: 200,
    });
    await vi.waitFor(() =>
      expect(
        couch()
          .requests.slice(start)
          .map((request) => request.user),
      ).toEqual([one.stored.computerUser]),
    );
  });

  it('pointed at another server (with that server’s CA) is not used, and the password goes nowhere', async () => {
    const one = await setUpComputer();
    const redirected = await one.edit((file) => ({
      ...file,
      server: { ...file.server, serverUrl: `${elsewhere().origin}/`, caCertificatePem: elsewhere().caPem },
    }));
    await expectNothingSent(redirected);
  });

  it('with only the address changed (a path on the same host) is not used', async () => {
    const one = await setUpComputer();
    await expectNothingSent(
      await one.edit((file) => ({
        ...file,
        server: { ...file.server, serverUrl: `${couch().origin}/proxy/` },
      })),
    );
  });

  it('naming another database is not used', async () => {
    const one = await setUpComputer();
    await expectNothingSent(
      await one.edit((file) => ({ ...file, server: { ...file.server, database: 'another-house' } })),
    );
  });

  it('with another computer user, or without the CA it was set up with, is not used', async () => {
    const one = await setUpComputer();
    await expectNothingSent(await one.edit((file) => ({ ...file, computerUser: 'fl-oak-house-zzzzzzzz' })));
    await expectNothingSent(
      await one.edit((file) => ({ ...file, server: { ...file.server, caCertificatePem: undefined } })),
    );
  });

  it('without its tag (never bound to its server) is not trusted: the manager sets sync up again', async () => {
    const one = await setUpComputer();
    await expectNothingSent(await one.edit(({ bindingTag: _tag, ...file }) => file));
    await expectNothingSent(await one.edit((file) => ({ ...file, bindingTag: 'ab'.repeat(32) })));
    // Setting up again writes a bound file, and sync is used once more.
    const again = one.reopen();
    const done = await again.setUpServer({ server: server(), admin: couch().admin, createDatabase: false });
    expect(done).toMatchObject({ outcome: 'done', status: { configured: true, hasPassword: true } });
  });

  it('copied whole from another computer, tag and all, is not used: the tag is under that computer’s key', async () => {
    const office = await setUpComputer();
    const desk = await computer();
    await copyFile(office.path, join(desk.folder, 'sync-settings.json'));
    await expectNothingSent(desk.reopen());
  });

  it('that is not JSON says so too, rather than looking never set up', async () => {
    const one = await setUpComputer();
    await writeFile(one.path, '{"server":');
    await expectNothingSent(one.reopen());
  });

  it('once forgotten, reads as never set up', async () => {
    const one = await setUpComputer();
    await one.sync.forgetServer();
    expect(await one.reopen().getStatus()).toEqual({ configured: false, passwordProtection: 'os' });
  });
});
