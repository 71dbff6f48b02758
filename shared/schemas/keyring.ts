import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/**
 * Each account's key material: what is needed to turn that person's password into the keys that
 * open the home's records, and the account's sign-in (lockout) state. Stored as it is, unsealed,
 * because it is read before anyone is signed in; nothing in it opens anything without the password.
 *
 * Byte fields stay as `Uint8Array` / `ArrayBuffer` because IndexedDB stores them natively. They are
 * checked by their tag rather than `instanceof`, which fails for bytes made in another realm (an
 * iframe, a worker, or the jsdom test environment).
 */

/**
 * OWASP's minimum for Argon2id (Password Storage Cheat Sheet): 19 MiB of memory, 2 passes, 1 lane.
 * Anything weaker is refused, whether a developer lowers the defaults or a stored record is tampered
 * with to make guessing cheaper.
 */
export const argon2idFloor = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const;

/**
 * Upper bounds, so that a damaged or tampered record cannot make signing in hang or exhaust memory
 * (1 GiB, 10 passes, 8 lanes: far beyond any setting the app would choose).
 */
const argon2idCeiling = { memoryKiB: 1_048_576, iterations: 10, parallelism: 8 } as const;

export const kdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z
    .number()
    .int()
    .min(argon2idFloor.memoryKiB, {
      message: 'Argon2id needs at least 19,456 KiB of memory (the OWASP minimum).',
    })
    .max(argon2idCeiling.memoryKiB),
  iterations: z
    .number()
    .int()
    .min(argon2idFloor.iterations, { message: 'Argon2id needs at least 2 passes (the OWASP minimum).' })
    .max(argon2idCeiling.iterations),
  parallelism: z.number().int().min(argon2idFloor.parallelism).max(argon2idCeiling.parallelism),
  /** 32 bytes: exactly an AES-256 key. */
  hashLength: z.literal(32),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/**
 * What new and re-wrapped accounts get: 64 MiB, 3 passes, 1 lane, over three times the OWASP floor's
 * memory and one more pass. Measured with hash-wasm 4.13 (whole `deriveKeyEncryptionKey`, key import
 * included) on this project's 2-core machines while other test runs shared them (2026-11-23):
 * Node 20.20: 275-340 ms; Chromium 156 (Playwright, page on http://127.0.0.1): 265-745 ms, mostly
 * 370-540 ms (the floor: 78-235 ms). TOOLCHAIN.md had 620-800 ms. So a sign-in stays under about a
 * second. Raise these when office computers get faster: each account keeps its own parameters, and
 * they are raised the next time that person's password is set (`strongerKdfParams`).
 */
export const defaultKdfParams: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
  hashLength: 32,
};

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/** Bytes held as a `Uint8Array` over a plain `ArrayBuffer` (what WebCrypto and IndexedDB use). */
export const byteArraySchema = z.custom<Uint8Array<ArrayBuffer>>(
  (value) =>
    tagOf(value) === '[object Uint8Array]' && tagOf((value as Uint8Array).buffer) === '[object ArrayBuffer]',
  { message: 'Expected bytes (a Uint8Array).' },
);

export const arrayBufferSchema = z.custom<ArrayBuffer>((value) => tagOf(value) === '[object ArrayBuffer]', {
  message: 'Expected bytes (an ArrayBuffer).',
});

/** A key sealed with AES-GCM under a password-derived key: a fresh 12-byte IV and the ciphertext with its tag. */
export const wrappedKeySchema = z.object({
  iv: byteArraySchema.refine((iv) => iv.byteLength === 12, { message: 'An AES-GCM IV is 12 bytes.' }),
  // An AES-256 or HMAC-SHA-256 key is 32 bytes, plus the 16-byte authentication tag.
  data: arrayBufferSchema.refine((data) => data.byteLength === 48, { message: 'A wrapped key is 48 bytes.' }),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

export const saltLength = 16;

const ivSchema = byteArraySchema.refine((iv) => iv.byteLength === 12, {
  message: 'An AES-GCM IV is 12 bytes.',
});
/** An uncompressed P-256 public key: 65 bytes. */
const p256PublicKeySchema = byteArraySchema.refine((key) => key.byteLength === 65, {
  message: 'A P-256 public key is 65 bytes.',
});

export const accountKeyPairSchema = z.object({
  publicKey: p256PublicKeySchema,
  wrappedPrivateKey: z.object({
    iv: ivSchema,
    data: arrayBufferSchema.refine((data) => data.byteLength <= 512),
  }),
  publicKeyTag: arrayBufferSchema.refine((tag) => tag.byteLength === 32, {
    message: 'An HMAC-SHA-256 tag is 32 bytes.',
  }),
});
export type AccountKeyPair = z.infer<typeof accountKeyPairSchema>;

/**
 * One compartment key given to an account: wrapped under a key agreed with its public key.
 * `generation` is which key of that compartment it is: absent for the first; a key changed after
 * someone left (`shared/rules/key-rotation.ts`) is the next, and both are held until every record
 * is sealed under the new one. A `door` grant holds a door key other than the one the password
 * wraps: the new generation, until the next sign-in wraps it there, or the older one meanwhile.
 */
export const accountGrantSchema = z.object({
  name: z.enum(['door', 'casework', 'manager', 'declarationsMaster', 'ownDeclarations']),
  generation: z.number().int().min(2).max(1_000_000).optional(),
  ephemeralPublicKey: p256PublicKeySchema,
  iv: ivSchema,
  data: arrayBufferSchema.refine((data) => data.byteLength === 48, { message: 'A wrapped key is 48 bytes.' }),
});
export type AccountGrant = z.infer<typeof accountGrantSchema>;

/**
 * One account's keyring entry (table `accountKeys`, keyed by `staffId`).
 * - `salt` and `kdf` turn the password into the key-encryption key; both change whenever the
 *   password is set, so old parameters are replaced, never kept.
 * - `wrappedDataKey` / `wrappedAuditKey`: the home's data key (the door's) and audit key, each
 *   sealed for this account with its `data-key:<staffId>` / `audit-key:<staffId>` context bound in.
 *   After the manager changes the door key (`shared/rules/key-rotation.ts`) the new generation is
 *   a `door` grant until the person next signs in, when it is wrapped here by their password; an
 *   account that has not signed in by the time the older generation is deleted has no
 *   `wrappedDataKey` until then (its password still opens its key pair, and so the grant).
 * - `passwordChangeRequired`: set when the manager resets a password (a temporary one).
 * - `failedAttempts` and `lockedUntil`: the lockout state (`shared/rules/sign-in-lockout.ts`).
 */
export const accountKeysSchema = z.object({
  staffId: idSchema,
  salt: byteArraySchema.refine((salt) => salt.byteLength >= saltLength, {
    message: 'A salt is at least 16 bytes.',
  }),
  kdf: kdfParamsSchema,
  wrappedDataKey: wrappedKeySchema.optional(),
  /** Which generation of the door key `wrappedDataKey` is: absent for the first. */
  dataKeyGeneration: z.number().int().min(2).max(1_000_000).optional(),
  wrappedAuditKey: wrappedKeySchema,
  passwordChangeRequired: z.boolean(),
  failedAttempts: z.array(isoDateTimeSchema).max(50),
  lockedUntil: isoDateTimeSchema.optional(),
  /**
   * The person's signing key (DESIGN: signed PDFs): the secret that opens it, wrapped by this account's
   * password-derived key (`signing-secret:<staffId>`), and the sealed key with its certificates
   * (which name the person) encrypted under that same secret, so nothing here is readable without
   * the password. `notAfter` (no personal data) is plain for the staff screen. Absent for an account
   * made before certificates existed.
   */
  signingKey: z
    .object({
      wrappedSecret: wrappedKeySchema,
      sealedCredential: z.object({
        iv: byteArraySchema.refine((iv) => iv.byteLength === 12),
        data: arrayBufferSchema,
      }),
      notAfter: isoDateTimeSchema,
    })
    .optional(),
  /** Managers only: the home CA's secret, wrapped by this account's password-derived key (`authority-secret:<staffId>`). */
  authorityKey: z.object({ wrappedSecret: wrappedKeySchema }).optional(),
  /**
   * The account's ECDH P-256 key pair (`renderer/src/db/encryption/account-key-pair.ts`): the
   * public key plain with its HMAC under the audit key, the private key wrapped by the password.
   * Absent until the person first signs in with a version that has compartments.
   */
  keyPair: accountKeyPairSchema.optional(),
  /** The compartment keys this account holds beyond the door's, each wrapped for its key pair. */
  grants: z.array(accountGrantSchema).max(16).optional(),
});
export type AccountKeys = z.infer<typeof accountKeysSchema>;

/**
 * The stronger of two parameter sets, field by field: used whenever a password is set, so an
 * account moves up to new defaults but never down from parameters a home has already raised.
 */
export function strongerKdfParams(current: KdfParams, defaults: KdfParams = defaultKdfParams): KdfParams {
  return {
    algorithm: 'argon2id',
    memoryKiB: Math.max(current.memoryKiB, defaults.memoryKiB),
    iterations: Math.max(current.iterations, defaults.iterations),
    parallelism: Math.max(current.parallelism, defaults.parallelism),
    hashLength: 32,
  };
}
