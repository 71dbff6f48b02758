import { base64UrlSchema } from './base64url';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';

/**
 * Signatures made with a computer's signing key (ECDSA P-256 over SHA-256; `sync-envelope.ts`
 * makes and imports the keys). The change envelopes, the device registry's documents, exchange
 * keys, re-keys and key grants each carry one as `sig`, over bytes each kind lays out for itself.
 *
 * Pure WebCrypto: the same code runs in the renderer and in Node's tests.
 */

/** WebCrypto's key type, named so in both the browser's and Node's type libraries. */
type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const signature = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A signature as documents carry it: 64 bytes (r, then s) as base64url. */
export const deviceSignatureSchema = base64UrlSchema(86, 86);

/** `fields` with `sig`: `signer`'s signature of `bytes`, which are what `fields` say, laid out to be signed. */
export async function withDeviceSignature<Fields extends object>(
  signer: { readonly privateKey: Key },
  fields: Fields,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Fields & { sig: string }> {
  const sig = bytesToBase64Url(new Uint8Array(await crypto.subtle.sign(signature, signer.privateKey, bytes)));
  return { ...fields, sig };
}

/** Whether `sig` signs `bytes` under a computer's public signing key. */
export function isSignedByDevice(
  publicKey: Key,
  sig: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  return crypto.subtle.verify(signature, publicKey, base64UrlToBytes(sig), bytes);
}
