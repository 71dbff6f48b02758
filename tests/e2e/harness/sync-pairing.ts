import { expect } from '@playwright/test';
import type { CouchTestServer } from '../../support/couchdb-test-server';
import { issueTestPairing } from '../../support/test-pairing';
import type { AppDriver } from './app-driver';

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

/**
 * The first computer connects to the server (creating the home's database) and the manager adds a
 * second computer with a pairing code, as the screens will: what the new computer needs to join.
 * The sealed bundle's sync key is a stand-in: these journeys carry the home's sync key themselves.
 */
export async function connectAndIssuePairing(
  first: AppDriver,
  couch: CouchTestServer,
  database: string,
): Promise<JoinRequest> {
  const setUp = await first.api('sync:set-up-server', {
    server: serverSettingsOf(couch, database),
    admin: couch.admin,
    createDatabase: true,
  });
  expect(setUp).toMatchObject({ ok: true, value: { outcome: 'done', status: { configured: true } } });
  const { code, keys, envelope } = await issueTestPairing(database, {
    syncKey: 'B'.repeat(43),
    issuedByDevice: 'office',
  });
  const added = await first.api('sync:add-computer', {
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
