import { z } from 'zod';
import '../../zod-setup';
import { staffRoles } from '../../schemas/staff';

/**
 * The home's certificate authority and each staff member's signing key (DESIGN: signed PDFs), as the
 * renderer and the main process exchange them.
 *
 * Keys only ever cross the bridge sealed: an encrypted PKCS#8 (AES-256-CBC under PBKDF2, opened
 * natively by node:crypto) whose passphrase is a random 256-bit secret. The renderer keeps the
 * sealed key and certificates in the person's keyring entry and the secret wrapped by their
 * password-derived key (renderer/src/db/encryption/signing-keys.ts); the main process opens the
 * key in memory for one signature and writes nothing.
 *
 * Bytes travel as base64 text: the Electron bridge could carry a Uint8Array, but the end-to-end
 * harness's Playwright binding passes JSON, and one encoding for both keeps them the same.
 */

/** Standard base64 (RFC 4648, with padding). `bytesToBase64` / `base64ToBytes` convert. */
export const base64Schema = z
  .string()
  .max(64 * 1024 * 1024, { message: 'That file is too large to send.' })
  // One character class and a length check: a grouped pattern costs milliseconds on a PDF's worth.
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Expected base64 bytes.' })
  .refine((text) => text.length % 4 === 0, { message: 'Expected base64 bytes.' });

/** A sealed key's passphrase: 32 random bytes as 64 lower-case hex digits, never typed by anyone. */
export const signingSecretSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'A signing secret is 64 hex digits.' });

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

const pemCertificateSchema = z
  .string()
  .max(16_384)
  .regex(/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/, {
    message: 'Expected one PEM certificate.',
  });

/** The home CA as the renderer stores it: the sealed key and its self-signed certificate. */
export const sealedAuthoritySchema = z.object({
  encryptedKey: base64Schema,
  certificatePem: pemCertificateSchema,
  /** SHA-256 of the certificate's DER, hex: what a person compares to check it is the same one. */
  fingerprint: sha256HexSchema,
  notAfter: z.iso.datetime(),
});
export type SealedAuthority = z.infer<typeof sealedAuthoritySchema>;

/** One staff member's signing credential as the renderer stores it (in their keyring entry). */
export const sealedCredentialSchema = z.object({
  encryptedKey: base64Schema,
  /** The staff member's certificate first, then the home CA's. */
  certificateChainPem: z.array(pemCertificateSchema).min(1).max(4),
  fingerprint: sha256HexSchema,
  serialNumber: z.string().regex(/^[0-9a-f]{2,40}$/),
  /** The certificate's common name: the staff member's name when it was issued. */
  subjectName: z.string().min(1).max(200),
  issuedAt: z.iso.datetime(),
  notAfter: z.iso.datetime(),
});
export type SealedCredential = z.infer<typeof sealedCredentialSchema>;

/** What every signing channel needs: the signer's sealed key and the secret that opens it. */
export const signerSchema = z.object({
  credential: sealedCredentialSchema.pick({ encryptedKey: true, certificateChainPem: true }),
  secret: signingSecretSchema,
});
export type SignerInput = z.infer<typeof signerSchema>;

/** Why a key could not be used; `message` is for the person. */
export const keyRefusalSchema = z.object({
  outcome: z.literal('refused'),
  code: z.enum([
    'wrong-secret',
    'unreadable-key',
    'not-a-ca',
    'invalid-content',
    'certificate-expired',
    'certificate-not-yet-valid',
    'clock-mismatch',
  ]),
  message: z.string(),
});
export type KeyRefusal = z.infer<typeof keyRefusalSchema>;

const homeNameSchema = z.string().trim().min(1).max(200);

export const signingChannels = {
  /** First run: the home's own CA (RSA-2048, 20 years), sealed with the secret the renderer made. */
  'signing:create-authority': {
    request: z.object({ homeName: homeNameSchema, secret: signingSecretSchema }).strict(),
    reply: z.object({ authority: sealedAuthoritySchema }),
  },
  /**
   * A staff member's key and certificate (5 years), issued by the home CA, sealed with `secret`.
   * The certificate names the person's account id and roles, which is what the main process
   * checks a manager-only request against; a role change needs a new certificate. A computer that
   * does not yet know its home CA (made before this was kept, or restored from a backup) learns it
   * here, from the CA whose key the secret opened.
   */
  'signing:issue-certificate': {
    request: z
      .object({
        authority: sealedAuthoritySchema.pick({ encryptedKey: true, certificatePem: true }),
        authoritySecret: signingSecretSchema,
        staff: z
          .object({
            id: z.uuid(),
            name: z.string().trim().min(1).max(120),
            email: z.email().optional(),
            roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length),
          })
          .strict(),
        homeName: homeNameSchema,
        secret: signingSecretSchema,
      })
      .strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('issued'), credential: sealedCredentialSchema }),
      keyRefusalSchema,
    ]),
  },
} as const;
