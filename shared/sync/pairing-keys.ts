import { argon2id } from 'hash-wasm';
import { bytesToBase64Url } from '../bytes';
import type { PairingCode } from './pairing-code';

/**
 * What a pairing code turns into, on the manager's computer and on the new one alike:
 * - `sealKey`, an AES-256-GCM key that seals and opens the pairing document (the home's sync key);
 * - `joinPassword`, the new computer's first server password, so that it can read that document;
 * - `endorseKey`, an HMAC key with which the new computer vouches for the public key it publishes,
 *   so the issuing computer endorses that key and no other (docs/sync-design.md, "Keys").
 *
 * Argon2id (64 MiB, 3 passes, as for staff passwords) makes every guess at the six words cost as
 * much as a sign-in; HKDF then splits its output in two, so the server, which sees the join
 * password when the new computer signs in, learns nothing of the seal key from it. Its only way in
 * is guessing the words, each guess an Argon2id run, against about 2^65 codes.
 *
 * The parameters are fixed by the format version, not read from the server: the new computer must
 * derive its password before it has read anything, and a server must not be able to weaken them.
 */
export const pairingKdf = { memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
export const pairingFormatVersion = 1;

/** WebCrypto's key type, named so in both the browser's and Node's type libraries. */
export type SealKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export type PairingKeys = {
  readonly sealKey: SealKey;
  readonly joinPassword: string;
  readonly endorseKey: SealKey;
};

const encoder = new TextEncoder();

/** The salt: unique to the pairing (its random id) and the home's database. */
async function pairingSalt(database: string, pairingId: string): Promise<Uint8Array<ArrayBuffer>> {
  const label = `family-links/pairing/v${pairingFormatVersion}\u0000${database}\u0000${pairingId}`;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(label)));
}

export async function derivePairingKeys(code: PairingCode, database: string): Promise<PairingKeys> {
  const secret = encoder.encode(code.words.join(' '));
  const derived = await argon2id({
    password: secret,
    salt: await pairingSalt(database, code.pairingId),
    memorySize: pairingKdf.memoryKiB,
    iterations: pairingKdf.iterations,
    parallelism: pairingKdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const master = new Uint8Array(derived);
  try {
    const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
    const info = (purpose: string) =>
      encoder.encode(`family-links/pairing/v${pairingFormatVersion}/${purpose}`);
    const sealKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: info('seal') },
      hkdf,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    const passwordBits = await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: info('join-password') },
      hkdf,
      256,
    );
    const endorseKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: info('endorse') },
      hkdf,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign', 'verify'],
    );
    return { sealKey, joinPassword: bytesToBase64Url(new Uint8Array(passwordBits)), endorseKey };
  } finally {
    master.fill(0);
    derived.fill(0);
    secret.fill(0);
  }
}
