import { startCouchTestServer } from '../support/couchdb-test-server';
import { makeTestCertificates } from '../support/test-certificates';
import { expect, test, type AppDriver } from './harness/fixtures';
import {
  connectAndIssuePairing,
  joinWithCode,
  managerOfAnEmptyComputer,
  serverSettingsOf,
} from './harness/sync-pairing';
import { probe, serveSyncProbe, syncProbeBundle, syncProbePath } from './harness/sync-probe-page';
import { couchServerForThisFile, openAnotherComputer } from './harness/two-computers';
import { managerSignsInTo, newHome } from './pages/door-home';
import { signOut } from './pages/staff-journey';

// Two computers of one home, each a browser context with its own main process (the harness's sync
// service over its own folder), replicating opaque documents through sync:http to a CouchDB-protocol
// server on loopback over verified TLS. Records and their sealing come later; this proves the road.

const couch = couchServerForThisFile(syncProbeBundle);
const database = 'oak-house';

const serverSettings = () => serverSettingsOf(couch(), database);

async function openProbe(app: AppDriver, mirrorName: string): Promise<void> {
  await serveSyncProbe(app.page.context());
  await app.page.goto(new URL(syncProbePath, app.page.url() || 'http://127.0.0.1/').href);
  await probe(app.page, 'open', database, mirrorName);
}

test('two computers share documents through the main process, over TLS verified against the home’s CA', async ({
  app,
  browser,
  harnessServer,
}, testInfo) => {
  test.setTimeout(120_000);
  await app.startEmpty();
  // The manager adds the second computer with a pairing code; it joins with the same code.
  const pairing = await connectAndIssuePairing(app, couch(), database);

  const secondComputer = await openAnotherComputer({ browser, harnessServer, testInfo });
  try {
    const second = secondComputer.app;
    await second.startEmpty();
    await joinWithCode(second, pairing);

    await openProbe(app, 'office-mirror');
    await openProbe(second, 'front-desk-mirror');
    const written = await probe(app.page, 'write', 300);
    expect(await probe(app.page, 'push')).toBe(300);
    const pulled = await probe(second.page, 'pull');
    expect(pulled.written).toBe(300);
    expect(pulled.progressEvents).toBeGreaterThan(0);
    expect(await probe(second.page, 'ids')).toEqual([...written].sort());

    // And back: what the front desk records reaches the office.
    const fromDesk = await probe(second.page, 'write', 40);
    expect(await probe(second.page, 'push')).toBe(40);
    expect((await probe(app.page, 'pull')).written).toBe(40);
    expect(await probe(app.page, 'ids')).toEqual([...written, ...fromDesk].sort());

    // Under the app's CSP, with no connect-src for the server: nothing was blocked, because the
    // renderer never contacted the server itself; the main process did, as each computer's own user.
    expect(await probe(app.page, 'violations')).toEqual([]);
    expect(await probe(second.page, 'violations')).toEqual([]);
    const replicationPath = new RegExp(`^/${database}/_(changes|bulk_docs|bulk_get|revs_diff|local/)`);
    const users = new Set(
      couch()
        .requests.filter((seen) => replicationPath.test(seen.path))
        .map((seen) => seen.user),
    );
    expect([...users].every((user) => user?.startsWith(`fl-${database}-`))).toBe(true);
    expect(users.size).toBe(2);
  } finally {
    await secondComputer.close();
  }
});

test('a server whose certificate is not from the trusted CA is refused, and hears nothing', async ({
  app,
}) => {
  const impostor = await startCouchTestServer({ certificates: makeTestCertificates('Impostor CA') });
  try {
    await app.startEmpty();
    // The home's CA is given, but the server at that address presents another authority's certificate.
    const refused = await managerOfAnEmptyComputer(app)('sync:set-up-server', {
      server: { serverUrl: impostor.origin, database, caCertificatePem: couch().caPem },
      admin: impostor.admin,
      createDatabase: true,
    });
    expect(refused).toMatchObject({ ok: true, value: { outcome: 'failed', code: 'certificate' } });
    expect(impostor.requests).toEqual([]);
    expect(await app.api('sync:get-status', {})).toMatchObject({ ok: true, value: { configured: false } });
  } finally {
    await impostor.close();
  }
});

test('from DevTools at a computer of the home with nobody signed in, sync cannot be pointed at a server', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await newHome(app);
  await signOut(app.page);
  await expect(app.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const before = couch().requests.length;
  // Someone at the sign-in screen brings a server of their own and its admin's password.
  const theirs = { server: serverSettings(), admin: couch().admin, createDatabase: true };

  // Without the manager's proof the main process does not take the request at all.
  expect(await app.api('sync:set-up-server', theirs as never)).toMatchObject({
    ok: false,
    error: { code: 'invalid-request' },
  });
  // A proof made up in the page is refused.
  const madeUp = {
    nonce: 'ab'.repeat(32),
    certificateChainPem: [couch().caPem, couch().caPem],
    signature: '',
  };
  expect(await app.api('sync:set-up-server', { ...theirs, proof: madeUp })).toMatchObject({
    ok: false,
    error: { code: 'not-permitted' },
  });
  // Nor can the page give itself a manager's certificate: this computer keeps the home's own CA.
  await expect(managerOfAnEmptyComputer(app)('sync:set-up-server', theirs)).rejects.toThrow(
    /No manager's certificate was issued/,
  );

  // Nothing reached the server, and the computer still does not sync.
  expect(couch().requests.slice(before)).toEqual([]);
  expect(await app.api('sync:get-status', {})).toMatchObject({ ok: true, value: { configured: false } });
  await managerSignsInTo(app.page, 'Computers');
  await expect(app.page.getByRole('heading', { name: 'Set up sync' })).toBeVisible();
  await app.expectAccessible('computers');
});

test('sync:http refuses other origins and paths outside the replication protocol', async ({ app }) => {
  await app.startEmpty();
  const setUp = await managerOfAnEmptyComputer(app)('sync:set-up-server', {
    server: serverSettings(),
    admin: couch().admin,
    createDatabase: true,
  });
  expect(setUp).toMatchObject({ ok: true, value: { outcome: 'done' } });
  await openProbe(app, 'office-mirror');
  const before = couch().requests.length;

  // Through the renderer's transport: anything but the home's database is answered in the page.
  expect(await probe(app.page, 'fetchOutside', database, 'https://evil.example/oak-house/_all_docs')).toBe(
    403,
  );
  expect(
    await probe(app.page, 'fetchOutside', database, 'https://sync.family-links.invalid/_users/_all_docs'),
  ).toBe(403);
  expect(
    await probe(app.page, 'fetchOutside', database, 'https://sync.family-links.invalid/other-home/'),
  ).toBe(403);
  // Straight at the channel, as a compromised page could: refused by the main process.
  for (const request of [
    { method: 'GET', path: '//evil.example/oak-house', query: '' },
    { method: 'GET', path: '/../_users/_all_docs', query: '' },
    { method: 'PUT', path: '/_security', query: '', body: '{"members":{"names":[]}}' },
    { method: 'GET', path: '/_design/x', query: '' },
    { method: 'GET', path: '/_changes', query: 'feed=continuous' },
  ] as const) {
    expect(await app.api('sync:http', request)).toMatchObject({
      ok: true,
      value: { outcome: 'failed', code: 'refused' },
    });
  }
  expect(couch().requests.slice(before)).toEqual([]);
  expect(app.mainProcessLog.some((entry) => entry.message.includes('Refused a sync request'))).toBe(true);
});
