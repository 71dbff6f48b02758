import type { AccountGrant, AccountKeyPair } from '@shared/schemas/keyring';
import type { GrantName } from './compartment-keys';
import { wrapKey } from './key-wrapping';

/**
 * Each account's own ECDH P-256 key pair, so that a manager can give a colleague a compartment's
 * key without knowing their password: the key is wrapped with AES-GCM under a key agreed between
 * a one-use (ephemeral) key pair and the account's public key, and only the account's private key,
 * itself wrapped by their password-derived key, agrees the same key again.
 *
 * The public key is stored in the clear beside an HMAC under the home's audit key, which every
 * account holds and someone with only the disk does not: a public key swapped on disk (to have the
 * manager wrap the casework key for a key pair the attacker made) fails that check and gets nothing.
 */

const encoder = new TextEncoder();
const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const;

const privateKeyContext = (staffId: string) => `account-private-key:${staffId}`;
const publicKeyContext = (staffId: string) => `account-public-key:${staffId}:`;
// A later generation of a key (after someone left) names its generation, so a grant of one cannot
// stand in for the other's.
const grantContext = (staffId: string, name: GrantName, generation?: number) =>
  generation === undefined
    ? `compartment-grant:${staffId}:${name}`
    : `compartment-grant:${staffId}:${name}:${generation}`;

function publicKeyMessage(staffId: string, raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(publicKeyContext(staffId));
  const message = new Uint8Array(prefix.byteLength + raw.byteLength);
  message.set(prefix);
  message.set(raw, prefix.byteLength);
  return message;
}

/** A new key pair for an account: the private key wrapped by `kek`, the public key tagged with `auditKey`. */
export async function createAccountKeyPair(
  staffId: string,
  kek: CryptoKey,
  auditKey: CryptoKey,
): Promise<AccountKeyPair> {
  const pair = await crypto.subtle.generateKey(ecdh, true, ['deriveBits']);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappedPrivateKey = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: encoder.encode(privateKeyContext(staffId)),
  });
  const publicKeyTag = await crypto.subtle.sign('HMAC', auditKey, publicKeyMessage(staffId, publicKey));
  return { publicKey, wrappedPrivateKey: { iv, data: wrappedPrivateKey }, publicKeyTag };
}

/** The account's private key, opened with the key their password gave; undefined if it does not open. */
export async function openAccountPrivateKey(
  pair: AccountKeyPair,
  kek: CryptoKey,
  staffId: string,
): Promise<CryptoKey | undefined> {
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      pair.wrappedPrivateKey.data,
      kek,
      {
        name: 'AES-GCM',
        iv: pair.wrappedPrivateKey.iv,
        additionalData: encoder.encode(privateKeyContext(staffId)),
      },
      ecdh,
      false,
      ['deriveBits'],
    );
  } catch {
    return undefined;
  }
}

/** The account's public key, only if its tag checks under the home's audit key. */
export async function verifiedPublicKey(
  pair: AccountKeyPair,
  staffId: string,
  auditKey: CryptoKey,
): Promise<CryptoKey | undefined> {
  const genuine = await crypto.subtle.verify(
    'HMAC',
    auditKey,
    pair.publicKeyTag,
    publicKeyMessage(staffId, pair.publicKey),
  );
  if (!genuine) return undefined;
  try {
    return await crypto.subtle.importKey('raw', pair.publicKey, ecdh, true, []);
  } catch {
    return undefined;
  }
}

async function agreedKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  staffId: string,
  name: GrantName,
  generation?: number,
): Promise<CryptoKey> {
  const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const base = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: encoder.encode(grantContext(staffId, name, generation)),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** `key` given to the account whose (verified) public key this is, under the grant's `name`. */
export async function grantKey(
  name: GrantName,
  key: CryptoKey,
  recipient: { readonly staffId: string; readonly publicKey: CryptoKey },
  generation?: number,
): Promise<AccountGrant> {
  const later = generation !== undefined && generation > 1 ? generation : undefined;
  const ephemeral = await crypto.subtle.generateKey(ecdh, true, ['deriveBits']);
  const wrapping = await agreedKey(ephemeral.privateKey, recipient.publicKey, recipient.staffId, name, later);
  const wrapped = await wrapKey(key, wrapping, grantContext(recipient.staffId, name, later));
  const ephemeralPublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  return {
    name,
    ...(later === undefined ? {} : { generation: later }),
    ephemeralPublicKey,
    iv: wrapped.iv,
    data: wrapped.data,
  };
}

/** A grant opened with the account's private key; undefined if it does not open (damaged, or not theirs). */
export async function openGrant(
  grant: AccountGrant,
  privateKey: CryptoKey,
  staffId: string,
): Promise<CryptoKey | undefined> {
  try {
    const ephemeral = await crypto.subtle.importKey('raw', grant.ephemeralPublicKey, ecdh, false, []);
    const wrapping = await agreedKey(privateKey, ephemeral, staffId, grant.name, grant.generation);
    const algorithm =
      grant.name === 'declarationsMaster'
        ? ({ name: 'HMAC', hash: 'SHA-256', length: 256 } as const)
        : ({ name: 'AES-GCM', length: 256 } as const);
    // Extractable: a manager gives these keys on to colleagues (and derives their declarations keys).
    return await crypto.subtle.unwrapKey(
      'raw',
      grant.data,
      wrapping,
      {
        name: 'AES-GCM',
        iv: grant.iv,
        additionalData: encoder.encode(grantContext(staffId, grant.name, grant.generation)),
      },
      algorithm,
      true,
      grant.name === 'declarationsMaster' ? ['sign'] : ['encrypt', 'decrypt'],
    );
  } catch {
    return undefined;
  }
}
