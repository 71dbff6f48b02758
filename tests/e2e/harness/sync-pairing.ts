import { expect } from '@playwright/test';
import { derivePairingKeys } from '../../../shared/sync/pairing-keys';
import { generatePairingCode } from '../../../shared/sync/pairing-code';
import { sealPairing } from '../../../shared/sync/pairing-envelope';
import type { CouchTestServer } from '../../support/couchdb-test-server';
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
  const code = generatePairingCode((count) => crypto.getRandomValues(new Uint8Array(count)));
  const keys = await derivePairingKeys(code, database);
  const envelope = await sealPairing({
    keys,
    pairingId: code.pairingId,
    database,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    bundle: {
      v: 1,
      homeId: 'home-1',
      syncKey: 'B'.repeat(43),
      issuedByDevice: 'office',
      issuedAt: new Date().toISOString(),
    },
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
