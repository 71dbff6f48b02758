import { describe, expect, it, vi } from 'vitest';
import { base64ToBytes } from '@shared/bytes';
import { managerProofMessage } from '@shared/ipc/manager-proof';
import type { IpcRequest } from '@shared/ipc/contract';
import type { MailMessage } from '@shared/schemas/mail';
import { callAsColleague, type ManagerApi } from '../../../../renderer/src/security/manager-proof';
import { keepProofKey } from '../../../../renderer/src/security/proof-keys';
import { testSession } from '../db/test-session';

const message: MailMessage = {
  to: { name: 'Dawn Morris', email: 'dawn@example.org' },
  subject: 'A contact form is overdue',
  text: 'A contact form for your young person is overdue.',
};
const nonce = 'ab'.repeat(32);
const certificate = '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n';

/** The two channels a colleague's email needs, answered as the main process would. */
function fakeApi(): { api: ManagerApi<'mail:send'>; sent: ReturnType<typeof vi.fn> } {
  const sent = vi.fn((_request: IpcRequest<'mail:send'>) =>
    Promise.resolve({
      ok: true as const,
      value: {
        outcome: 'sent' as const,
        serverMessageId: '<outbox@oakfield.example>',
        acceptedAt: '2026-12-06T10:00:01.000Z',
      },
    }),
  );
  return {
    sent,
    api: {
      'auth:challenge': () =>
        Promise.resolve({ ok: true as const, value: { nonce, expiresAt: '2026-12-06T10:02:00.000Z' } }),
      'mail:send': sent,
    },
  };
}

describe('email sent as whoever is signed in', () => {
  it('goes with a proof signed by the person’s own key over exactly that message', async () => {
    const session = await testSession(['careStaff']);
    const keys = await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      false,
      ['sign', 'verify'],
    );
    keepProofKey(
      session,
      Promise.resolve({ key: keys.privateKey, certificateChainPem: [certificate, certificate] }),
    );
    const { api, sent } = fakeApi();

    const reply = await callAsColleague(api, session, 'mail:send', message);

    expect(reply).toMatchObject({ ok: true, value: { outcome: 'sent' } });
    const request = sent.mock.calls[0]?.[0] as MailMessage & {
      proof: { nonce: string; signature: string; certificateChainPem: string[] };
    };
    const { proof, ...signed } = request;
    expect(signed).toEqual(message);
    expect(proof).toMatchObject({ nonce, certificateChainPem: [certificate, certificate] });
    const isValid = await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      keys.publicKey,
      base64ToBytes(proof.signature),
      new TextEncoder().encode(managerProofMessage('mail:send', message, nonce)),
    );
    expect(isValid).toBe(true);
  });

  it('does not go from a session with no certificate to prove it, and says why', async () => {
    const session = await testSession(['careStaff']);
    const { api, sent } = fakeApi();

    const reply = await callAsColleague(api, session, 'mail:send', message);

    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', message: expect.stringMatching(/signing certificate/) as unknown },
    });
    expect(sent).not.toHaveBeenCalled();
  });
});
