import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { inMemoryProtectedStorage } from '../../../../../electron/main/services/mail/in-memory-protected-storage';
import { derivePairingKeys } from '../../../../../shared/sync/pairing-keys';
import { generatePairingCode } from '../../../../../shared/sync/pairing-code';
import { openPairing } from '../../../../../shared/sync/pairing-envelope';
import { couchTestRig, homeDatabase } from './couch-test-rig';
import { makeTestCertificates } from '../../../../support/test-certificates';
import { issueTestPairing } from '../../../../support/test-pairing';

const { couch, server, syncService: computer } = couchTestRig('family-links-sync-');
const database = homeDatabase;

async function firstComputer() {
  const first = await computer();
  const done = await first.sync.setUpServer({ server: server(), admin: couch().admin, createDatabase: true });
  if (done.outcome !== 'done') throw new Error(done.message);
  return first;
}

/** A pairing code issued on the manager's computer for `syncKey`, and the manager adding it to the server. */
async function addPairing(manager: Awaited<ReturnType<typeof firstComputer>>, syncKey: string) {
  const { code, keys, envelope } = await issueTestPairing(database, { syncKey, issuedByDevice: 'device-1' });
  const added = await manager.sync.addComputer({
    admin: couch().admin,
    pairingId: code.pairingId,
    joinPassword: keys.joinPassword,
    envelope,
  });
  return { code, keys, added };
}

const requestsSince = (start: number) => couch().requests.slice(start);

describe('setting up the home’s first computer', () => {
  it('makes the database, a server user of its own and its membership, and keeps no password in plain text', async () => {
    const { sync, folder } = await computer();
    const done = await sync.setUpServer({ server: server(), admin: couch().admin, createDatabase: true });
    expect(done).toMatchObject({
      outcome: 'done',
      status: { configured: true, database, hasPassword: true },
    });
    if (done.outcome !== 'done' || !done.status.configured) return;
    expect(done.status.computerUser).toMatch(/^fl-oak-house-[0-9a-z]{8}$/);
    const security = await couch().call('GET', `/${database}/_security`);
    expect((security.body as { members: { names: string[] } }).members.names).toContain(
      done.status.computerUser,
    );
    const file = await readFile(join(folder, 'sync-settings.json'), 'utf8');
    expect(file).not.toContain(couch().admin.password);
    const stored = JSON.parse(file) as { computerUser: string; encryptedPassword: string };
    expect(stored.computerUser).toBe(done.status.computerUser);
    expect(stored.encryptedPassword.length).toBeGreaterThan(40);
    // The relay now reaches the database with this computer's own credentials.
    const info = await sync.http({ method: 'GET', path: '/', query: '' });
    expect(info).toMatchObject({ outcome: 'reply', status: 200 });
    const computerUser = done.status.computerUser;
    await vi.waitFor(() =>
      expect(
        couch().requests.some((seen) => seen.user === computerUser && seen.path === `/${database}/`),
      ).toBe(true),
    );
  });

  it('connects a computer of the home again as the user the registry names, with a new password', async () => {
    const first = await firstComputer();
    const status = await first.sync.getStatus();
    if (!status.configured) throw new Error('The first computer is not set up');
    const computerUser = status.computerUser;
    const users = async () =>
      ((await couch().call('GET', '/_users/_all_docs')).body as { rows: { id: string }[] }).rows
        .map((row) => row.id)
        .filter((id) => id.startsWith(`org.couchdb.user:fl-${database}-`));
    const before = await users();
    // Its settings are gone: the same computer started again without them.
    await rm(join(first.folder, 'sync-settings.json'));
    const again = first.reopen();
    expect(await again.getStatus()).toMatchObject({ configured: false });

    // Another database's user is not this database's to make again: refused before any request.
    const start = couch().requests.length;
    const elsewhere = await again.setUpServer({
      server: { ...server(), database: 'elm-house' },
      admin: couch().admin,
      createDatabase: false,
      computerUser,
    });
    expect(elsewhere).toMatchObject({ outcome: 'failed', code: 'invalid' });
    if (elsewhere.outcome === 'failed') expect(elsewhere.message).toContain(`database ${database}`);
    expect(requestsSince(start)).toEqual([]);
    // A server without its database is not the one it used: it is told so, and none is made there.
    const noDatabase = await again.setUpServer({
      server: { ...server(), database: 'pine-house' },
      admin: couch().admin,
      createDatabase: true,
      computerUser: 'fl-pine-house-abcdefgh',
    });
    expect(noDatabase).toMatchObject({ outcome: 'failed', code: 'no-database' });
    expect((await couch().call('GET', '/pine-house/')).status).toBe(404);

    const done = await again.setUpServer({
      server: server(),
      admin: couch().admin,
      createDatabase: false,
      computerUser,
    });
    expect(done).toMatchObject({ outcome: 'done', status: { configured: true, computerUser } });
    // No second user: the one the registry names is the one it connects as.
    expect(await users()).toEqual(before);
    expect(await again.http({ method: 'GET', path: '/', query: '' })).toMatchObject({ status: 200 });
    // The password the lost settings held opens nothing now.
    expect(await first.sync.http({ method: 'GET', path: '/', query: '' })).toMatchObject({ status: 401 });

    // Once removed (its user deleted) it cannot be made again this way, and nothing is changed.
    const manager = await firstComputer();
    expect(await manager.sync.removeComputer({ admin: couch().admin, computerUser })).toMatchObject({
      outcome: 'done',
      removedUser: true,
    });
    await rm(join(first.folder, 'sync-settings.json'));
    const removed = first.reopen();
    const refused = await removed.setUpServer({
      server: server(),
      admin: couch().admin,
      createDatabase: false,
      computerUser,
    });
    expect(refused).toMatchObject({ outcome: 'failed', code: 'not-found' });
    expect(await users()).not.toContain(`org.couchdb.user:${computerUser}`);
    expect(await removed.getStatus()).toMatchObject({ configured: false });
  });

  it('will not start a home in a database that holds another home’s computers', async () => {
    await couch().createDatabase('birch-house', []);
    const device = '0b0e7d0c-5a4f-4f55-9d6e-1a2b3c4d5e6f';
    expect(
      (await couch().call('PUT', `/birch-house/rd_${device}_${device}`, { kind: 'device' })).status,
    ).toBe(201);
    const users = async () => (await couch().call('GET', '/_users/_all_docs')).body;
    const before = await users();
    const { sync } = await computer();
    const done = await sync.setUpServer({
      server: { ...server(), database: 'birch-house' },
      admin: couch().admin,
      createDatabase: false,
    });
    expect(done).toMatchObject({ outcome: 'failed', code: 'conflict' });
    if (done.outcome === 'failed') expect(done.message).toContain('Choose another database name');
    expect(await users()).toEqual(before);
    expect(await sync.getStatus()).toMatchObject({ configured: false });
  });

  it('refuses a wrong admin password and changes nothing', async () => {
    const { sync } = await computer();
    const before = (await couch().call('GET', '/_users/_all_docs')).body;
    const done = await sync.setUpServer({
      server: server(),
      admin: { name: couch().admin.name, password: 'not it' },
      createDatabase: true,
    });
    expect(done).toMatchObject({ outcome: 'failed', code: 'auth' });
    expect((await couch().call('GET', '/_users/_all_docs')).body).toEqual(before);
    expect(await sync.getStatus()).toMatchObject({ configured: false });
  });

  it('refuses a server whose certificate is not from a trusted CA, before sending the admin password', async () => {
    const { sync } = await computer();
    const start = couch().requests.length;
    const stranger = makeTestCertificates('Another organisation CA');
    const withoutCa = await sync.setUpServer({
      server: { serverUrl: couch().origin, database },
      admin: couch().admin,
      createDatabase: false,
    });
    expect(withoutCa).toMatchObject({ outcome: 'failed', code: 'certificate' });
    const wrongCa = await sync.setUpServer({
      server: { ...server(), caCertificatePem: stranger.caPem },
      admin: couch().admin,
      createDatabase: false,
    });
    expect(wrongCa).toMatchObject({ outcome: 'failed', code: 'certificate' });
    expect(requestsSince(start)).toEqual([]);
  });

  it('refuses without protected storage for the password', async () => {
    const { sync } = await computer(inMemoryProtectedStorage({ available: false }));
    const done = await sync.setUpServer({ server: server(), admin: couch().admin, createDatabase: true });
    expect(done).toMatchObject({ outcome: 'failed', code: 'no-protected-storage' });
  });

  it('closes a database that anyone could read to its members', async () => {
    await couch().createDatabase('open-house', []);
    const before = await couch().call('GET', '/open-house/', undefined, { name: '', password: '' });
    const { sync } = await computer();
    const done = await sync.setUpServer({
      server: { ...server(), database: 'open-house' },
      admin: couch().admin,
      createDatabase: false,
    });
    expect(done.outcome).toBe('done');
    const anonymous = await couch().call('GET', '/open-house/', undefined, { name: '', password: '' });
    expect(before.status).toBe(200);
    expect(anonymous.status).not.toBe(200);
  });
});

describe('the relay for the renderer’s replicator (sync:http)', () => {
  it('refuses anything outside the replication protocol, without sending it', async () => {
    const { sync } = await firstComputer();
    const start = couch().requests.length;
    const refused = [
      { method: 'GET', path: '/_security', query: '' },
      { method: 'PUT', path: '/_security', query: '', body: '{"members":{"names":[]}}' },
      { method: 'GET', path: '/_design/evil', query: '' },
      { method: 'PUT', path: '/someid', query: '', body: '{}' },
      { method: 'DELETE', path: '/', query: '' },
      { method: 'PUT', path: '/', query: '' },
      { method: 'GET', path: '//evil.example/home', query: '' },
      { method: 'GET', path: '/../_users/_all_docs', query: '' },
      { method: 'GET', path: '/_local/..', query: '' },
      { method: 'GET', path: '/_local/family-links-pairing-abcdefgh', query: '' },
      { method: 'GET', path: '/_changes', query: 'feed=continuous' },
      { method: 'GET', path: '/_changes', query: 'feed=longpoll&timeout=600000' },
      { method: 'GET', path: '/doc/attachment', query: '' },
    ] as const;
    for (const request of refused) {
      expect(await sync.http(request), `${request.method} ${request.path}?${request.query}`).toMatchObject({
        outcome: 'failed',
        code: 'refused',
      });
    }
    expect(requestsSince(start)).toEqual([]);
  });

  it('carries the replication protocol’s requests, a longpoll included', async () => {
    const { sync } = await firstComputer();
    const written = await sync.http({
      method: 'POST',
      path: '/_bulk_docs',
      query: '',
      body: JSON.stringify({ docs: [{ _id: 'AbC123_-x', sealed: 'opaque' }] }),
    });
    expect(written).toMatchObject({ outcome: 'reply', status: 201 });
    const changes = await sync.http({
      method: 'GET',
      path: '/_changes',
      query: 'feed=longpoll&timeout=1000&since=0',
    });
    expect(changes).toMatchObject({ outcome: 'reply', status: 200 });
    if (changes.outcome === 'reply') expect(changes.body).toContain('AbC123_-x');
    const checkpoint = await sync.http({
      method: 'PUT',
      path: '/_local/abc%3D%3D',
      query: '',
      body: '{"last_seq":1}',
    });
    expect(checkpoint).toMatchObject({ outcome: 'reply', status: 201 });
  });

  it('says so when this computer is not connected', async () => {
    const { sync } = await computer();
    expect(await sync.http({ method: 'GET', path: '/', query: '' })).toMatchObject({
      outcome: 'failed',
      code: 'not-configured',
    });
  });
});

describe('adding, joining and removing a computer', () => {
  it('a new computer joins with the code, replaces the code’s password, and is refused once removed', async () => {
    const manager = await firstComputer();
    const syncKey = 'k'.repeat(43);
    const { code, added } = await addPairing(manager, syncKey);
    expect(added).toMatchObject({ outcome: 'done', computerUser: `fl-${database}-${code.pairingId}` });
    expect(await manager.sync.pairingStatus({ pairingId: code.pairingId })).toMatchObject({
      state: 'waiting',
    });
    const pairingDocument = await couch()
      .rawDatabase(database)
      .get(`_local/family-links-pairing-${code.pairingId}`);
    expect(JSON.stringify(pairingDocument)).not.toContain(syncKey);

    const joining = await computer();
    const joinKeys = await derivePairingKeys(code, database);
    const request = { server: server(), pairingId: code.pairingId, joinPassword: joinKeys.joinPassword };
    const fetched = await joining.sync.fetchPairing(request);
    expect(fetched.outcome).toBe('done');
    if (fetched.outcome !== 'done') return;
    const opened = await openPairing({
      keys: joinKeys,
      envelope: fetched.envelope,
      pairingId: code.pairingId,
      database,
      now: new Date(),
    });
    expect(opened).toMatchObject({ ok: true, bundle: { syncKey, homeId: 'home-1' } });
    const joined = await joining.sync.completeJoin(request);
    expect(joined).toMatchObject({
      outcome: 'done',
      status: { configured: true, computerUser: `fl-${database}-${code.pairingId}` },
    });
    expect(await manager.sync.pairingStatus({ pairingId: code.pairingId })).toMatchObject({
      state: 'collected',
    });
    // The code's password no longer opens anything: the computer's password is its own now.
    expect(await joining.sync.fetchPairing(request)).toMatchObject({ outcome: 'failed', code: 'auth' });
    expect(await joining.sync.http({ method: 'GET', path: '/', query: '' })).toMatchObject({
      outcome: 'reply',
      status: 200,
    });

    const removed = await manager.sync.removeComputer({
      admin: couch().admin,
      computerUser: `fl-${database}-${code.pairingId}`,
    });
    expect(removed).toMatchObject({ outcome: 'done', removedUser: true, removedMember: true });
    const refused = await joining.sync.http({ method: 'GET', path: '/', query: '' });
    expect(refused).toMatchObject({ outcome: 'reply', status: 401 });
  }, 30_000);

  it('a wrong code is refused by the server, and nothing is stored', async () => {
    await firstComputer();
    const code = generatePairingCode((count) => crypto.getRandomValues(new Uint8Array(count)));
    const joining = await computer();
    const keys = await derivePairingKeys(code, database);
    const fetched = await joining.sync.fetchPairing({
      server: server(),
      pairingId: code.pairingId,
      joinPassword: keys.joinPassword,
    });
    expect(fetched).toMatchObject({ outcome: 'failed', code: 'auth' });
    expect(await joining.sync.getStatus()).toMatchObject({ configured: false });
  }, 30_000);

  it('a computer that joined may join the same server again with a new code, never another one', async () => {
    const manager = await firstComputer();
    /** A fresh code added on the manager's computer, and the request the joining computer makes with it. */
    const newCode = async () => {
      const { code, keys, added } = await addPairing(manager, 'k'.repeat(43));
      expect(added.outcome).toBe('done');
      return { server: server(), pairingId: code.pairingId, joinPassword: keys.joinPassword };
    };
    const joining = await computer();
    expect((await joining.sync.completeJoin(await newCode())).outcome).toBe('done');
    const settingsFile = join(joining.folder, 'sync-settings.json');
    const first = await readFile(settingsFile, 'utf8');
    // A half-joined computer finishes with a new code for the same server.
    const again = await newCode();
    expect(await joining.sync.completeJoin(again)).toMatchObject({
      outcome: 'done',
      status: { configured: true, computerUser: `fl-${database}-${again.pairingId}` },
    });
    const second = await readFile(settingsFile, 'utf8');
    expect(second).not.toBe(first);
    // The same code for the same database at another address, or trusting another CA, is refused
    // before anything is sent, and the connection stays as it was.
    const start = couch().requests.length;
    const elsewhere = await newCode();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const afterCode = couch().requests.length;
    for (const server of [
      { ...elsewhere.server, serverUrl: 'https://127.0.0.1:1/' },
      { ...elsewhere.server, caCertificatePem: makeTestCertificates('Impostor CA').caPem },
    ])
      expect(await joining.sync.completeJoin({ ...elsewhere, server })).toMatchObject({
        outcome: 'failed',
        code: 'conflict',
      });
    await settle();
    expect(couch().requests.length).toBeGreaterThan(start);
    expect(couch().requests.slice(afterCode)).toEqual([]);
    expect(await readFile(settingsFile, 'utf8')).toBe(second);
  }, 30_000);

  it('a manager cannot remove the computer they are using, nor another home’s', async () => {
    const manager = await firstComputer();
    const status = await manager.sync.getStatus();
    if (!status.configured) throw new Error('not configured');
    expect(
      await manager.sync.removeComputer({ admin: couch().admin, computerUser: status.computerUser }),
    ).toMatchObject({
      outcome: 'failed',
      code: 'invalid',
    });
    expect(
      await manager.sync.removeComputer({ admin: couch().admin, computerUser: 'fl-other-home-abcdefgh' }),
    ).toMatchObject({ outcome: 'failed', code: 'invalid' });
  });
});
