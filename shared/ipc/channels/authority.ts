import { z } from 'zod';
import '../../zod-setup';
import { challengeNonceSchema, withManagerProof } from '../manager-proof';
import { noRequest } from '../no-request';

/**
 * What the main process needs to check who may do what (shared/ipc/manager-proof.ts): challenges
 * for manager-only requests, and revoking a person's certificates for those requests when they
 * stop being a manager or their account is switched off.
 */
export const authorityChannels = {
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
