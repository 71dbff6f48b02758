import { createPrivateKey, sign } from 'node:crypto';
import type { IpcRequest } from '../../shared/ipc/contract';
import type { ManagerProof } from '../../shared/ipc/manager-proof';
import { managerMessageFor, type ProvenChannel, type ManagerRequest } from '../../shared/ipc/manager-request';

/** A staff member's sealed signing key as the renderer holds it (see shared/ipc/channels/signing.ts). */
export type TestSigner = {
  readonly credential: { readonly encryptedKey: string; readonly certificateChainPem: readonly string[] };
  readonly secret: string;
};

/**
 * `request` with the proof a Registered Manager's page would attach (shared/ipc/manager-proof.ts),
 * made in Node with the same message the page signs: for tests of the main process's checks.
 */
export async function withProofFrom<Channel extends ProvenChannel>(
  challenge: () => Promise<{ nonce: string }> | { nonce: string },
  signer: TestSigner,
  channel: Channel,
  request: ManagerRequest<Channel>,
  overrides: Partial<ManagerProof> = {},
): Promise<IpcRequest<Channel>> {
  const { nonce } = await challenge();
  const message = managerMessageFor(channel, request, nonce);
  if (message === undefined) throw new Error(`Not a valid request for ${channel}`);
  const key = createPrivateKey({
    key: Buffer.from(signer.credential.encryptedKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
    passphrase: signer.secret,
  });
  const proof: ManagerProof = {
    nonce,
    certificateChainPem: [...signer.credential.certificateChainPem],
    signature: sign('sha256', Buffer.from(message, 'utf8'), key).toString('base64'),
    ...overrides,
  };
  return { ...request, proof } as IpcRequest<Channel>;
}
