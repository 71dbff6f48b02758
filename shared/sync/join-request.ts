import { z } from 'zod';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import { base64UrlSchema, p256PublicKeySchema } from './base64url';
import { pairingIdSchema } from './pairing-envelope';
import type { PairingKeys } from './pairing-keys';
import { deviceIdSchema } from './sync-envelope';

/**
 * How a joining computer tells the computer that issued its code which key to endorse
 * (docs/sync-design.md, "Keys"): it leaves this document on the server, its public key vouched for
 * with an HMAC under the code's `endorseKey`. Only someone holding the code can make one, and the
 * issuing computer, still holding the code's keys while the manager waits, checks it and signs the
 * new computer's registry document. The server, without the code, cannot put its own key there.
 */

export const joinRequestSchema = z.object({
  _id: z.string().regex(/^rj_[0-9a-z]{8}$/),
  _rev: z.string().optional(),
  kind: z.literal('join'),
  pairingId: pairingIdSchema,
  deviceId: deviceIdSchema,
  publicKey: p256PublicKeySchema,
  /** HMAC-SHA-256 as base64url. */
  mac: base64UrlSchema(43, 43),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const joinRequestId = (pairingId: string): string => `rj_${pairingId}`;

const macBytes = (pairingId: string, deviceId: string, publicKey: string) =>
  new TextEncoder().encode(JSON.stringify(['join', pairingId, deviceId, publicKey]));

export async function makeJoinRequest(
  keys: Pick<PairingKeys, 'endorseKey'>,
  pairingId: string,
  device: { readonly deviceId: string; readonly publicKey: string },
): Promise<JoinRequest> {
  const mac = await crypto.subtle.sign(
    'HMAC',
    keys.endorseKey,
    macBytes(pairingId, device.deviceId, device.publicKey),
  );
  return {
    _id: joinRequestId(pairingId),
    kind: 'join',
    pairingId,
    deviceId: device.deviceId,
    publicKey: device.publicKey,
    mac: bytesToBase64Url(new Uint8Array(mac)),
  };
}

/** The key to endorse, if `document` is the join request for this pairing made with its code. */
export async function checkJoinRequest(
  keys: Pick<PairingKeys, 'endorseKey'>,
  pairingId: string,
  document: unknown,
): Promise<{ readonly deviceId: string; readonly publicKey: string } | undefined> {
  const parsed = joinRequestSchema.safeParse(document);
  if (!parsed.success || parsed.data.pairingId !== pairingId || parsed.data._id !== joinRequestId(pairingId))
    return undefined;
  const { deviceId, publicKey, mac } = parsed.data;
  const holds = await crypto.subtle.verify(
    'HMAC',
    keys.endorseKey,
    base64UrlToBytes(mac),
    macBytes(pairingId, deviceId, publicKey),
  );
  return holds ? { deviceId, publicKey } : undefined;
}
