import { randomBytes, randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { IpcReply } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import type { ManagerRequest, SyncManagerChannel } from '../../../shared/ipc/manager-request';
import type { CouchTestServer } from '../../support/couchdb-test-server';
import { withProofFrom, type TestSigner } from '../../support/manager-proof';
import { issueTestPairing } from '../../support/test-pairing';
import type { AppDriver } from './app-driver';
import { recordsProbe } from './sync-probe-page';

/** What the home's manager types on a computer to point it at the server. */
export const serverSettingsOf = (couch: CouchTestServer, database: string) => ({
  serverUrl: couch.origin,
  database,
  caCertificatePem: couch.caPem,
});

type JoinRequest = {
  readonly server: ReturnType<typeof serverSettingsOf>;
  readonly pairingId: string;
  readonly joinPassword: string;
};

/** One of the sync requests only the Registered Manager may make, sent with a proof of theirs. */
export type ManagerSyncCall = <Channel extends SyncManagerChannel>(
  channel: Channel,
  request: ManagerRequest<Channel>,
) => Promise<IpcResult<IpcReply<Channel>>>;

const emptyComputerManagers = new WeakMap<AppDriver, Promise<TestSigner>>();

/** The page makes a home CA as first run does (this computer then knows it) and issues a manager's certificate. */
async function managerMadeOn(app: AppDriver): Promise<TestSigner> {
  const homeName = 'Oakfield House';
  const authoritySecret = randomBytes(32).toString('hex');
  const made = await app.api('signing:create-authority', { homeName, secret: authoritySecret });
  if (!made.ok) throw new Error(`No home CA was made: ${made.error.message}`);
  const secret = randomBytes(32).toString('hex');
  const issued = await app.api('signing:issue-certificate', {
    authority: {
      encryptedKey: made.value.authority.encryptedKey,
      certificatePem: made.value.authority.certificatePem,
    },
    authoritySecret,
    staff: { id: randomUUID(), name: 'Pat Manager', roles: ['registeredManager'] },
    homeName,
    secret,
  });
  if (!issued.ok || issued.value.outcome !== 'issued')
    throw new Error(
      `No manager's certificate was issued (does this computer know a home CA already?): ${JSON.stringify(issued)}`,
    );
  return { credential: issued.value.credential, secret };
}

/**
 * The manager of a computer on an empty profile, which knows no home CA yet: made the first time
 * it is asked for (a CA made through the page, as first run makes one, and a Registered Manager's
 * certificate from it), then its requests signed in Node over a challenge from the page. A computer
 * of a home knows its own CA already and learns no other, so this is for empty profiles only.
 */
export function managerOfAnEmptyComputer(app: AppDriver): ManagerSyncCall {
  return async (channel, request) => {
    let signer = emptyComputerManagers.get(app);
    if (!signer) {
      signer = managerMadeOn(app);
      emptyComputerManagers.set(app, signer);
    }
    const challenge = async () => {
      const given = await app.api('auth:challenge', {});
      if (!given.ok) throw new Error(`No challenge: ${given.error.message}`);
      return given.value;
    };
    return app.api(channel, await withProofFrom(challenge, await signer, channel, request));
  };
}

/**
 * The manager of a home set up on screen, by their username and password: the proof made with the
 * app's own code in the records probe beside the app (`openRecordsProbe`), their signing key opened
 * with the password there, nobody signed in and nothing written.
 */
export function managerOfTheHome(
  probePage: Page,
  manager: { readonly username: string; readonly password: string },
): ManagerSyncCall {
  return async <Channel extends SyncManagerChannel>(channel: Channel, request: ManagerRequest<Channel>) => {
    const reply = await recordsProbe(
      probePage,
      'asManager',
      manager.username,
      manager.password,
      channel,
      request,
    );
    // The page called `channel` itself: the reply is that channel's.
    return reply as IpcResult<IpcReply<Channel>>;
  };
}

/**
 * The first computer connects to the server (creating the home's database) and the manager adds a
 * second computer with a pairing code, as the screens will: what the new computer needs to join.
 * The sealed bundle's sync key is a stand-in: these journeys carry the home's sync key themselves.
 * Both requests carry `asManager`'s proof: on an empty profile, a manager made for the test.
 */
export async function connectAndIssuePairing(
  first: AppDriver,
  couch: CouchTestServer,
  database: string,
  asManager: ManagerSyncCall = managerOfAnEmptyComputer(first),
): Promise<JoinRequest> {
  const setUp = await asManager('sync:set-up-server', {
    server: serverSettingsOf(couch, database),
    admin: couch.admin,
    createDatabase: true,
  });
  expect(setUp).toMatchObject({ ok: true, value: { outcome: 'done', status: { configured: true } } });
  const { code, keys, envelope } = await issueTestPairing(database, {
    syncKey: 'B'.repeat(43),
    issuedByDevice: 'office',
  });
  const added = await asManager('sync:add-computer', {
    admin: couch.admin,
    pairingId: code.pairingId,
    joinPassword: keys.joinPassword,
    envelope,
  });
  expect(added).toMatchObject({ ok: true, value: { outcome: 'done' } });
  return {
    server: serverSettingsOf(couch, database),
    pairingId: code.pairingId,
    joinPassword: keys.joinPassword,
  };
}

/** The new computer joins with the code: fetches the pairing and replaces the code's password. */
export async function joinWithCode(second: AppDriver, join: JoinRequest): Promise<void> {
  expect(await second.api('sync:fetch-pairing', join)).toMatchObject({
    ok: true,
    value: { outcome: 'done' },
  });
  expect(await second.api('sync:complete-join', join)).toMatchObject({
    ok: true,
    value: { outcome: 'done' },
  });
}
