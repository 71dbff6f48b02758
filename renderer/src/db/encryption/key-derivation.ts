import { argon2id } from 'hash-wasm';
import { defaultKdfParams, kdfParamsSchema, saltLength, type KdfParams } from '@shared/schemas/keyring';

/**
 * Turns a person's password into their key-encryption key (KEK): Argon2id (hash-wasm), then the 32
 * bytes are imported as a non-extractable AES-GCM key that can only wrap and unwrap keys.
 *
 * Why AES-GCM and not AES-KW for the KEK: AES-KW takes no additional data, so a wrapped data key
 * could be swapped with the wrapped audit key, or with another account's, and still unwrap. GCM
 * binds a context (`data-key:<staffId>`) into the tag, so such a swap fails. Restricting the key to
 * `wrapKey`/`unwrapKey` means it cannot be used to encrypt or decrypt anything else, and unwrapping
 * yields a `CryptoKey` without the raw key bytes ever passing through script.
 *
 * The password is normalised to Unicode NFC first. An accented letter can arrive as one code point
 * (é) or as a letter plus a combining accent (e + ◌́), depending on the keyboard layout, the input
 * method or the operating system; without normalising, the same password typed on another computer
 * would give different bytes and be refused.
 */
export async function deriveKeyEncryptionKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  params: KdfParams,
): Promise<CryptoKey> {
  // A stored record with weakened parameters is refused rather than used: this is a bug or tampering.
  const checked = kdfParamsSchema.parse(params);
  if (salt.byteLength < saltLength) throw new RangeError(`A salt must be at least ${saltLength} bytes.`);
  const passwordBytes = new TextEncoder().encode(password.normalize('NFC'));
  const derived = await argon2id({
    password: passwordBytes,
    salt,
    memorySize: checked.memoryKiB,
    iterations: checked.iterations,
    parallelism: checked.parallelism,
    hashLength: checked.hashLength,
    outputType: 'binary',
  });
  // Copy into a plain ArrayBuffer-backed array for WebCrypto; wipe both copies once imported
  // (importKey copies), so the raw key does not linger in the WASM heap's view or here.
  const raw = new Uint8Array(derived);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, [
      'wrapKey',
      'unwrapKey',
    ]);
  } finally {
    raw.fill(0);
    derived.fill(0);
    passwordBytes.fill(0);
  }
}

/**
 * One password check's worth of work, done and thrown away. Sign-in spends it when there is no
 * password to check (an unknown username, an account switched off, an account locked out), so the
 * answer takes as long as a wrong password for a real account and its timing does not tell anyone
 * at the keyboard which usernames exist. `params` are those a real check would use: the account's
 * own, or what new accounts get when there is no account.
 */
export async function spendPasswordCheckWork(
  password: string,
  params: KdfParams = defaultKdfParams,
  salt: Uint8Array<ArrayBuffer> = newSalt(),
): Promise<void> {
  await deriveKeyEncryptionKey(password, salt, params);
}

/** A fresh random 16-byte salt, made whenever a password is set. */
export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(saltLength));
}
