import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcRequest } from '../../../../shared/ipc/contract';
import type { ManagerRequest, SyncManagerChannel } from '../../../../shared/ipc/manager-request';
import { startCouchTestServer, type CouchTestServer } from '../../../support/couchdb-test-server';
import { withProofFrom } from '../../../support/manager-proof';
import { issueTestPairing } from '../../../support/test-pairing';
import { homeWithCertificates, mainRig, type MainRig } from '../main-rig';

// Where this computer's records go, and which computers may sync with the home, are the Registered
// Manager's decisions, checked by the main process from a proof it can verify. From DevTools on a
// computer of the home, with nobody signed in, none of them can be made: nothing is written here
// and nothing is sent to any server.

// Now, not a fixed day: the pairing's expiry is checked against the main process's clock.
const start = new Date();
const staff = {
  manager: { name: 'Pat Manager', roles: ['registeredManager'] },
  careWorker: { name: 'Sam Carer', roles: ['careStaff'] },
} satisfies Parameters<typeof homeWithCertificates>[1];
let home: Awaited<ReturnType<typeof homeWithCertificates<keyof typeof staff>>>;
/** A “manager” whose certificate comes from a CA this home never made. */
let stranger: Awaited<ReturnType<MainRig['issue']>>;
/** A CouchDB-protocol server on loopback: the home's, or one someone else brought. */
let couch: CouchTestServer;
beforeAll(async () => {
  home = await homeWithCertificates(start, staff);
  const elsewhere = mainRig({ now: () => start });
  stranger = await elsewhere.issue(await elsewhere.createAuthority('Oakfield House'), {
    roles: ['registeredManager'],
  });
  couch = await startCouchTestServer();
}, 120_000);
afterAll(async () => {
  await couch.close();
});

type Asking = { [Channel in SyncManagerChannel]: ManagerRequest<Channel> };

let databases = 0;

/**
 * A computer of the home (it knows the home CA) and what each manager-only sync request would ask
 * of it: set it up with the server (a database of its own on the test server) and, if `syncing`,
 * have the manager set it up first, so that the others would reach the server were they let through.
 */
async function computerOfTheHome(syncing: boolean) {
  const rig = mainRig({ now: () => start });
  await rig.services.homeAuthority.learn(home.ca.authority.certificatePem, 'created');
  databases += 1;
  const database = `oak-house-${databases}`;
  const server = { serverUrl: couch.origin, database, caCertificatePem: couch.caPem };
  const setUp = { server, admin: couch.admin, createDatabase: true };
  if (syncing)
    expect(
      await rig.value('sync:set-up-server', await rig.withProof(home.manager, 'sync:set-up-server', setUp)),
    ).toMatchObject({ outcome: 'done' });
  const { code, keys, envelope } = await issueTestPairing(database, {
    syncKey: 'k'.repeat(43),
    issuedByDevice: 'office',
  });
  const asking: Asking = {
    'sync:set-up-server': setUp,
    'sync:add-computer': {
      admin: couch.admin,
      pairingId: code.pairingId,
      joinPassword: keys.joinPassword,
      envelope,
    },
    'sync:cancel-pairing': { pairingId: code.pairingId, joinPassword: keys.joinPassword },
    'sync:remove-computer': { admin: couch.admin, computerUser: `fl-${database}-${code.pairingId}` },
  };
  const settingsFile = join(rig.userData, 'sync-settings.json');
  const settings = () => readFile(settingsFile, 'utf8').catch(() => 'no settings file');
  const status = await rig.value('sync:get-status', {});
  const before = { settings: await settings(), requests: couch.requests.length };
  /** Nothing written here, the status as it was, and not one request to the server. */
  const untouched = async () => {
    expect(await settings()).toBe(before.settings);
    expect(await rig.value('sync:get-status', {})).toEqual(status);
    expect(couch.requests.slice(before.requests)).toEqual([]);
  };
  return { rig, asking, untouched };
}

const channels: readonly SyncManagerChannel[] = [
  'sync:set-up-server',
  'sync:add-computer',
  'sync:cancel-pairing',
  'sync:remove-computer',
];
const whereFor = (channel: SyncManagerChannel) =>
  channel === 'sync:set-up-server' ? 'a computer that does not sync yet' : 'a computer that syncs';
const notPermitted = (message: RegExp) => ({
  ok: false,
  error: { code: 'not-permitted', message: expect.stringMatching(message) as unknown },
});

/** `request` on `channel`, as DevTools would send it: typed as the contract's, whatever it holds. */
const sent = <Channel extends SyncManagerChannel>(rig: MainRig, channel: Channel, request: object) =>
  rig.call(channel, request as IpcRequest<Channel>);

/** The ways DevTools could try: each, with what the main process says. */
const attempts: readonly {
  readonly what: string;
  readonly ask: (rig: MainRig, channel: SyncManagerChannel, request: object) => Promise<object>;
  readonly refusal: object;
}[] = [
  {
    what: 'without a proof',
    ask: (_rig, _channel, request) => Promise.resolve(request),
    refusal: { ok: false, error: { code: 'invalid-request' } },
  },
  {
    what: 'with a care worker’s own, valid proof',
    ask: (rig, channel, request) => rig.withProof(home.careWorker, channel, request),
    refusal: notPermitted(/^Only the Registered Manager can change this\.$/),
  },
  {
    what: 'with the proof of a “manager” of a CA the home does not know',
    ask: (rig, channel, request) => rig.withProof(stranger, channel, request),
    refusal: notPermitted(/not issued by this home/),
  },
  {
    what: 'with a challenge this computer never gave',
    ask: (_rig, channel, request) =>
      withProofFrom(() => ({ nonce: 'ab'.repeat(32) }), home.manager, channel, request as never),
    refusal: notPermitted(/sent twice/),
  },
  {
    what: 'with the manager’s proof of another request',
    ask: async (rig, _channel, request) => ({
      ...request,
      proof: (await rig.withProof(home.manager, 'sync:forget-server', {})).proof,
    }),
    refusal: notPermitted(/signature does not match/),
  },
];

describe.each(channels)('%s, which only the Registered Manager may ask for', (channel) => {
  it(`is refused on ${whereFor(channel)} in every other way, and nothing happens`, async () => {
    const { rig, asking, untouched } = await computerOfTheHome(channel !== 'sync:set-up-server');
    for (const attempt of attempts) {
      const request = await attempt.ask(rig, channel, asking[channel]);
      expect(await sent(rig, channel, request), attempt.what).toMatchObject(attempt.refusal);
      await untouched();
    }
  }, 60_000);
});

describe('a Registered Manager’s proof', () => {
  it('does each once; sent again, it is refused and nothing happens', async () => {
    const { rig, asking } = await computerOfTheHome(false);
    const once = async <Channel extends SyncManagerChannel>(
      channel: Channel,
      request: ManagerRequest<Channel> = asking[channel],
    ) => {
      const proven = await rig.withProof(home.manager, channel, request);
      const done = await rig.value(channel, proven);
      expect(done, JSON.stringify(done)).toMatchObject({ outcome: 'done' });
      return proven;
    };
    const replayed = async <Channel extends SyncManagerChannel>(channel: Channel, proven: object) => {
      const before = {
        status: await rig.value('sync:get-status', {}),
        requests: couch.requests.length,
      };
      expect(await sent(rig, channel, proven)).toMatchObject(notPermitted(/sent twice/));
      expect(await rig.value('sync:get-status', {})).toEqual(before.status);
      expect(couch.requests.slice(before.requests)).toEqual([]);
    };

    // Set up, then left (as the manager may): the set-up's proof, seen once, cannot set it up again.
    const setUp = await once('sync:set-up-server');
    const forgotten = await rig.withProof(home.manager, 'sync:forget-server', {});
    expect(await rig.value('sync:forget-server', forgotten)).toEqual({ forgotten: true });
    await replayed('sync:set-up-server', setUp);
    expect(await rig.value('sync:get-status', {})).toMatchObject({ configured: false });

    // The database is on the server now.
    await once('sync:set-up-server', { ...asking['sync:set-up-server'], createDatabase: false });
    const added = await once('sync:add-computer');
    await replayed('sync:add-computer', added);
    const cancelled = await once('sync:cancel-pairing');
    await replayed('sync:cancel-pairing', cancelled);
    const removed = await once('sync:remove-computer');
    await replayed('sync:remove-computer', removed);
  }, 60_000);
});
