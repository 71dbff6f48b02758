import { z } from 'zod';
import '../zod-setup';
import { canonicalJson } from '../rules/audit-chain';
import { certificatePemSchema } from '../schemas/certificate-pem';

/**
 * What a request that only a Registered Manager may make carries, so that the main process can
 * check it itself rather than trust a flag the page sends: a signature, with the person's own
 * signing key, over the channel, the request and a one-use challenge the main process gave out
 * moments before (`auth:challenge`), and the person's certificate chain. The main process checks
 * the chain leads to the home CA it keeps, the certificate is valid now, names the person's
 * roles (registeredManager among them) and has not been revoked, the challenge is its own, fresh
 * and unused, and the signature verifies.
 *
 * The signing key never leaves the page's WebCrypto: it is opened at sign-in from the sealed key
 * and the secret the person's password unwraps, imported as non-extractable, and dropped with the
 * session (renderer/src/security/manager-proof.ts).
 */

export const challengeNonceSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const managerProofSchema = z
  .object({
    nonce: challengeNonceSchema,
    /** The person's certificate first, then the home CA's. */
    certificateChainPem: z.array(certificatePemSchema).min(2).max(4),
    /** RSASSA-PKCS1-v1_5 with SHA-256 over `managerProofMessage(...)`, base64. */
    signature: z
      .string()
      .max(2048)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type ManagerProof = z.infer<typeof managerProofSchema>;

/** Adds the proof to a request schema: `withManagerProof(z.object({...}))`. */
export function withManagerProof<Shape extends z.ZodRawShape>(request: z.ZodObject<Shape>) {
  return request.extend({ proof: managerProofSchema }).strict();
}

/**
 * The exact bytes signed: a fixed purpose (so a signature made for anything else, a PDF above
 * all, can never pass for one of these), the channel, the request without its proof, and the
 * challenge. Canonical JSON, so key order does not matter.
 */
export function managerProofMessage(channel: string, request: unknown, nonce: string): string {
  return canonicalJson({ purpose: 'family-links/manager-request/1', channel, request, nonce });
}
