import { base64ToBytes, bytesToBase64 } from '@shared/bytes';
import type { FamilyLinksApi } from '@shared/ipc/client';
import type { IpcReply, IpcRequest } from '@shared/ipc/contract';
import type { IpcResult } from '@shared/ipc/ipc-result';
import {
  managerMessageFor,
  type ColleagueChannel,
  type ManagerChannel,
  type ManagerRequest,
  type ProvenChannel,
} from '@shared/ipc/manager-request';
import { openSigningKey } from '@shared/crypto/encrypted-pkcs8';
import type { AccountSecrets } from '../db/encryption/key-wrapping';
import { secretPassphrase } from '../db/encryption/signing-keys';
import type { Session } from '../db/session';
import { keepProofKey, proofKeyOf, type ProofKey } from './proof-keys';

/**
 * Requests only a Registered Manager may make (mail settings, the case-file and backup folders,
 * backup options, an audit rebase, revoking a colleague's certificate) carry a proof the main
 * process checks itself (shared/ipc/manager-proof.ts): a signature with the manager's own key over
 * the channel, the request and a one-use challenge from the main process.
 *
 * Sending email as the home, and beginning a backup, carry one too, from whoever is signed in
 * (`callAsColleague`), so nothing is sent or backed up for a page where no one is.
 *
 * The key: at sign-in, the person's sealed signing key is opened here with WebCrypto from the
 * secret their password unwrapped, and imported as non-extractable; only that CryptoKey is kept,
 * beside the session (`proof-keys.ts`, forgotten on lock or sign-out), never the secret. Code in
 * the page can ask it to sign while the person is signed in, but cannot take it away.
 */

/** A signing key opened for proofs (non-extractable), or undefined when it cannot be opened. */
export async function openProofKey(
  signing: NonNullable<AccountSecrets['signing']>,
): Promise<ProofKey | undefined> {
  try {
    const key = await openSigningKey(
      base64ToBytes(signing.credential.encryptedKey),
      await secretPassphrase(signing.secret),
    );
    return { key, certificateChainPem: signing.credential.certificateChainPem };
  } catch (error) {
    console.error('The signing key could not be opened for manager requests', error);
    return undefined;
  }
}

/** Keeps the person's signing key (opened, non-extractable) for this session's proven requests. */
export function rememberProofKey(session: Session, signing: AccountSecrets['signing']): void {
  if (!signing) return;
  keepProofKey(session, openProofKey(signing));
}

/** What `callAsManager` needs of `window.api`: the challenge, and the channel called. */
export type ManagerApi<Channel extends ProvenChannel> = Pick<FamilyLinksApi, 'auth:challenge' | Channel>;

const notPermitted = (message: string) => ({
  ok: false as const,
  error: { code: 'not-permitted' as const, message },
});

/**
 * Calls `channel` with `request` and a proof made with this session's key, as `api[channel]`
 * would be called: the reply, or a failure with a message for the person.
 */
export function callAsManager<Channel extends ManagerChannel>(
  api: ManagerApi<Channel>,
  session: Session,
  channel: Channel,
  request: ManagerRequest<Channel>,
): Promise<IpcResult<IpcReply<Channel>>> {
  const withoutKey = session.roles.includes('registeredManager')
    ? 'Your account has no signing certificate this computer can use yet. Renew it on the Staff screen (“Renew my certificate”), then try again.'
    : 'Only the Registered Manager can change this.';
  return callWithSessionKey(api, session, channel, request, withoutKey);
}

/**
 * Calls `channel`, which anyone signed in may call, with a proof made with this session's key: the
 * reply, or a failure with a message for the person.
 */
export function callAsColleague<Channel extends ColleagueChannel>(
  api: ManagerApi<Channel>,
  session: Session,
  channel: Channel,
  request: ManagerRequest<Channel>,
): Promise<IpcResult<IpcReply<Channel>>> {
  return callWithSessionKey(api, session, channel, request, noCertificateFor[channel]);
}

/** What someone signed in without a usable signing certificate is told, channel by channel. */
const noCertificateFor: Readonly<Record<ColleagueChannel, string>> = {
  'mail:send':
    'Email goes only from an account with a signing certificate this computer can use, and yours has none yet. It will go when a colleague with one signs in; the Registered Manager can issue yours by resetting your password.',
  'backup:begin':
    'Backups are made only from an account with a signing certificate this computer can use, and yours has none yet. A colleague with one (the Registered Manager has one) can make the backup; the Registered Manager can issue yours by resetting your password.',
};

/** The call with this session's key; `withoutKey` is what the person is told when it has none. */
async function callWithSessionKey<Channel extends ProvenChannel>(
  api: ManagerApi<Channel>,
  session: Session,
  channel: Channel,
  request: ManagerRequest<Channel>,
  withoutKey: string,
): Promise<IpcResult<IpcReply<Channel>>> {
  const proofKey = await proofKeyOf(session);
  if (!proofKey) return notPermitted(withoutKey);
  return callWithProofKey(api, proofKey, channel, request);
}

/** As `callAsManager`, with a key opened outside a session (a restore, before anyone signs in). */
export async function callWithProofKey<Channel extends ProvenChannel>(
  api: ManagerApi<Channel>,
  proofKey: ProofKey,
  channel: Channel,
  request: ManagerRequest<Channel>,
): Promise<IpcResult<IpcReply<Channel>>> {
  const challenge = await api['auth:challenge']({});
  if (!challenge.ok) return challenge;
  const message = managerMessageFor(channel, request, challenge.value.nonce);
  if (message === undefined)
    return notPermitted('The request was not in the expected form, so nothing was done.');
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    proofKey.key,
    new TextEncoder().encode(message),
  );
  const proven = {
    ...request,
    proof: {
      nonce: challenge.value.nonce,
      certificateChainPem: [...proofKey.certificateChainPem],
      signature: bytesToBase64(new Uint8Array(signature)),
    },
  } as IpcRequest<Channel>;
  // Each channel's method takes its own request type; the union of them cannot be called directly.
  const call = api[channel] as (request: IpcRequest<Channel>) => Promise<IpcResult<IpcReply<Channel>>>;
  return call(proven);
}
