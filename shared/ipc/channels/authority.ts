import { z } from 'zod';
import '../../zod-setup';
import { challengeNonceSchema, withManagerProof } from '../manager-proof';
import { noRequest } from '../no-request';

/**
 * Which certificate authority the main process holds proofs to: `pinned` with its SHA-256
 * fingerprint (of the certificate's DER), `none` while it knows none, or `unverifiable` when its
 * record was changed outside Family Links. A fingerprint is public; a signed-in page compares it
 * with the CA in its own certificate chain (shared/rules/home-authority-match.ts).
 */
const homeAuthorityStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pinned'), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  z.object({ state: z.literal('none') }).strict(),
  z.object({ state: z.literal('unverifiable'), message: z.string().max(500) }).strict(),
]);

/**
 * What the main process needs to check who may do what (shared/ipc/manager-proof.ts): challenges
 * for manager-only requests, and revoking a person's certificates for those requests when they
 * stop being a manager or their account is switched off.
 */
export const authorityChannels = {
  /** The CA this computer holds manager-only requests to (`homeAuthorityStateSchema`). */
  'auth:home-authority': {
    request: noRequest,
    reply: homeAuthorityStateSchema,
  },
  /** A one-use challenge for a manager-only request, valid for two minutes. */
  'auth:challenge': {
    request: noRequest,
    reply: z.object({ nonce: challengeNonceSchema, expiresAt: z.string() }),
  },
  /**
   * From now on, certificates issued to `staffId` before this moment are refused for manager-only
   * requests (their roles may be out of date). A new certificate (a password reset, or renewing
   * one's own) is accepted again.
   */
  'auth:revoke-staff': {
    request: withManagerProof(
      z.object({ staffId: z.string().min(1).max(100), reason: z.enum(['role-removed', 'switched-off']) }),
    ),
    reply: z.object({ outcome: z.literal('revoked'), at: z.string() }),
  },
} as const;
