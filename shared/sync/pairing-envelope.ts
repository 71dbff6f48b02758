import { z } from 'zod';
import { base64UrlSchema } from './base64url';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import { pairingIdAlphabet, pairingIdLength } from './pairing-code';
import { pairingFormatVersion, type PairingKeys } from './pairing-keys';
import { rootDeviceKeySchema } from './device-registry';
import { certificatePemSchema } from '../schemas/certificate-pem';

/**
 * The pairing document the manager's computer leaves on the server for a new computer, and what
 * is sealed inside it. The server sees the envelope: the pairing id (also in the new computer's
 * user name), when it expires, and ciphertext. The id, the database and the expiry are bound into
 * the seal as additional data, so the server cannot move the envelope to another pairing or make
 * it last longer; without the code it can neither open nor forge one.
 */

export const pairingIdSchema = z
  .string()
  .length(pairingIdLength)
  .refine((id) => [...id].every((character) => pairingIdAlphabet.includes(character)), {
    message: 'A pairing id is eight base32 characters.',
  });

/** 32 random bytes as base64url: 43 characters. */
export const joinPasswordSchema = base64UrlSchema(43, 43);
const key256Schema = base64UrlSchema(43, 43);

/** How long a code may wait to be used. The manager's screen offers less; this is the ceiling. */
export const longestPairingLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export const pairingEnvelopeSchema = z
  .object({
    format: z.literal('family-links-pairing'),
    v: z.literal(pairingFormatVersion),
    pairingId: pairingIdSchema,
    expiresAt: z.iso.datetime({ offset: false }),
    iv: base64UrlSchema(16, 16),
    ciphertext: base64UrlSchema(24, 8000),
  })
  .strict();
export type PairingEnvelope = z.infer<typeof pairingEnvelopeSchema>;

/**
 * The bundle's own version: 2 adds the root computer's key digest, 3 the home CA's certificate.
 * Versions 1 and 2 are still read (a computer joins with a version 2 code, without the CA).
 */
export const pairingBundleVersion = 3;

/** What the new computer receives: the home and the key its records are synced under. */
const pairingBundleV1Schema = z
  .object({
    v: z.literal(1),
    /** The home's id, so a computer never mixes two homes' records. */
    homeId: z.string().min(1).max(100),
    /** The home's sync key (32 random bytes): ids and envelopes of replicated documents (docs/sync-design.md). */
    syncKey: key256Schema,
    /** The computer that issued the code, for the audit trail. */
    issuedByDevice: z.string().min(1).max(100),
    issuedAt: z.iso.datetime({ offset: false }),
  })
  .strict();

const pairingBundleV2Schema = pairingBundleV1Schema.extend({
  v: z.literal(2),
  /** SHA-256 of the home's first computer's public key: where the device registry starts (`device-registry.ts`). */
  rootDeviceKey: rootDeviceKeySchema,
});

export const pairingBundleSchema = z.discriminatedUnion('v', [
  pairingBundleV1Schema,
  pairingBundleV2Schema,
  pairingBundleV2Schema.extend({
    v: z.literal(pairingBundleVersion),
    /**
     * The home CA's certificate, as the issuing computer's main process holds manager-only
     * requests to it: the new computer's main process learns it on joining, so a manager there
     * is believed from the first sign-in (electron/main/services/authority/home-authority.ts).
     */
    homeAuthorityPem: certificatePemSchema,
  }),
]);
export type PairingBundle = z.infer<typeof pairingBundleSchema>;

const encoder = new TextEncoder();

function additionalData(database: string, pairingId: string, expiresAt: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    `family-links-pairing/v${pairingFormatVersion}\u0000${database}\u0000${pairingId}\u0000${expiresAt}`,
  );
}

export async function sealPairing(input: {
  readonly keys: PairingKeys;
  readonly pairingId: string;
  readonly database: string;
  readonly expiresAt: string;
  readonly bundle: PairingBundle;
  /** 12 bytes; fresh random ones unless a test fixes them. */
  readonly iv?: Uint8Array<ArrayBuffer>;
}): Promise<PairingEnvelope> {
  const bundle = pairingBundleSchema.parse(input.bundle);
  const iv = input.iv ?? crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(input.database, input.pairingId, input.expiresAt) },
    input.keys.sealKey,
    encoder.encode(JSON.stringify(bundle)),
  );
  return pairingEnvelopeSchema.parse({
    format: 'family-links-pairing',
    v: pairingFormatVersion,
    pairingId: input.pairingId,
    expiresAt: input.expiresAt,
    iv: bytesToBase64Url(iv),
    ciphertext: bytesToBase64Url(new Uint8Array(ciphertext)),
  });
}

export type OpenPairingResult =
  | { readonly ok: true; readonly bundle: PairingBundle }
  | { readonly ok: false; readonly code: 'wrong-code' | 'expired' | 'damaged'; readonly message: string };

/**
 * Opens the envelope the server returned. A wrong code and a tampered envelope look the same to
 * AES-GCM; both are refused. An expired one is refused even if it opens.
 */
export async function openPairing(input: {
  readonly keys: PairingKeys;
  readonly envelope: unknown;
  readonly pairingId: string;
  readonly database: string;
  readonly now: Date;
}): Promise<OpenPairingResult> {
  const parsed = pairingEnvelopeSchema.safeParse(input.envelope);
  if (!parsed.success || parsed.data.pairingId !== input.pairingId)
    return {
      ok: false,
      code: 'damaged',
      message: 'The pairing on the server is not in the expected form. Ask the manager for a new code.',
    };
  const envelope = parsed.data;
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: base64UrlToBytes(envelope.iv),
        additionalData: additionalData(input.database, envelope.pairingId, envelope.expiresAt),
      },
      input.keys.sealKey,
      base64UrlToBytes(envelope.ciphertext),
    );
  } catch {
    return {
      ok: false,
      code: 'wrong-code',
      message: 'The code does not open this pairing. Check the words, or ask the manager for a new code.',
    };
  }
  if (new Date(envelope.expiresAt).getTime() <= input.now.getTime())
    return {
      ok: false,
      code: 'expired',
      message: 'This code has expired. Ask the manager to add the computer again.',
    };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    json = null;
  }
  const bundle = pairingBundleSchema.safeParse(json);
  if (!bundle.success)
    return {
      ok: false,
      code: 'damaged',
      message: 'The pairing opened but is not in the expected form. Ask the manager for a new code.',
    };
  return { ok: true, bundle: bundle.data };
}
