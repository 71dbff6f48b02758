import { beforeAll, describe, expect, it, vi } from 'vitest';
import { base64ToBytes } from '@shared/bytes';
import { managerProofMessage } from '@shared/ipc/manager-proof';
import type { ManagerRequest, SyncManagerChannel } from '@shared/ipc/manager-request';
import { keepProofKey } from '../../../../renderer/src/security/proof-keys';
import { syncManagerCallsAs } from '../../../../renderer/src/security/sync-manager-calls';
import { issueTestPairing } from '../../../support/test-pairing';
import { testSession } from '../db/test-session';

const nonce = 'cd'.repeat(32);
const certificate = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';
const admin = { name: 'admin', password: 'the server admin’s password' };

/** What each of the four requests asks, as the Computers screen asks it (a real code's pairing). */
let asked: { [Channel in SyncManagerChannel]: ManagerRequest<Channel> };
beforeAll(async () => {
  const { code, keys, envelope } = await issueTestPairing('oak-house', {
    syncKey: 'k'.repeat(43),
    issuedByDevice: 'office',
  });
  const { pairingId } = code;
  asked = {
    'sync:set-up-server': {
      server: { serverUrl: 'https://sync.oakfield.example/', database: 'oak-house' },
      admin,
      createDatabase: true,
    },
    'sync:add-computer': { admin, pairingId, joinPassword: keys.joinPassword, envelope },
    'sync:cancel-pairing': { pairingId, joinPassword: keys.joinPassword },
    'sync:remove-computer': { admin, computerUser: `fl-oak-house-${pairingId.toLowerCase()}` },
  };
});
const channels: readonly SyncManagerChannel[] = [
  'sync:set-up-server',
  'sync:add-computer',
  'sync:cancel-pairing',
  'sync:remove-computer',
];

/** The main process as the page reaches it: a challenge, and each channel noting what it was sent. */
function fakeApi() {
  const sent = vi.fn((channel: SyncManagerChannel, request: unknown) => ({ channel, request }));
  const answer = (channel: SyncManagerChannel) => (request: unknown) => {
    sent(channel, request);
    return Promise.resolve({ ok: true as const, value: { outcome: 'done' as const } as never });
  };
  return {
    sent,
    api: {
      'auth:challenge': () =>
        Promise.resolve({ ok: true as const, value: { nonce, expiresAt: '2026-12-07T10:02:00.000Z' } }),
      'sync:set-up-server': answer('sync:set-up-server'),
      'sync:add-computer': answer('sync:add-computer'),
      'sync:cancel-pairing': answer('sync:cancel-pairing'),
      'sync:remove-computer': answer('sync:remove-computer'),
    },
  };
}

const rsaSigning = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** A Registered Manager signed in with a key this computer can sign with; its public half checks. */
async function managerWithAKey() {
  const session = await testSession(['registeredManager']);
  const { privateKey, publicKey } = await crypto.subtle.generateKey(rsaSigning, false, ['sign', 'verify']);
  const proofKey = { key: privateKey, certificateChainPem: [certificate, certificate] };
  keepProofKey(session, Promise.resolve(proofKey));
  return { session, publicKey };
}

describe('the sync requests only the Registered Manager may make', () => {
  it.each(channels)(
    '%s goes with a proof signed by the manager’s own key over exactly that request',
    async (channel) => {
      const { session, publicKey } = await managerWithAKey();
      const { api, sent } = fakeApi();

      const calls = syncManagerCallsAs(api, session);
      const reply = await (calls[channel] as (request: object) => Promise<unknown>)(asked[channel]);

      expect(reply).toEqual({ ok: true, value: { outcome: 'done' } });
      expect(sent).toHaveBeenCalledTimes(1);
      const [to, request] = sent.mock.calls[0] ?? [];
      expect(to).toBe(channel);
      const { proof, ...signed } = request as { proof: { nonce: string; signature: string } };
      expect(signed).toEqual(asked[channel]);
      expect(proof.nonce).toBe(nonce);
      const isValid = await crypto.subtle.verify(
        'RSASSA-PKCS1-v1_5',
        publicKey,
        base64ToBytes(proof.signature),
        new TextEncoder().encode(managerProofMessage(channel, signed, nonce)),
      );
      expect(isValid).toBe(true);
    },
  );

  it('are not sent for a session with no certificate to prove them, and the manager is told why', async () => {
    const session = await testSession(['registeredManager']);
    const { api, sent } = fakeApi();

    const reply = await syncManagerCallsAs(api, session)['sync:set-up-server'](asked['sync:set-up-server']);

    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'not-permitted',
        message: expect.stringMatching(/Renew it on the Staff screen/) as unknown,
      },
    });
    expect(sent).not.toHaveBeenCalled();
  });
});
