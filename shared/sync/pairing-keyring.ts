import { z } from 'zod';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import type { PairingKeys } from './pairing-keys';
import { fromSyncJson, toSyncJson } from './sync-json';

/**
 * The staff accounts' keyring for a joining computer. Each computer keeps its own keyring (its own
 * sign-in and lockout state, docs/sync-design.md "The change log"), so the accounts reach a new
 * computer with its pairing: the manager's computer leaves the keyring on the server sealed under
 * the code's seal key, beside the pairing document, and the new computer reads it once it has
 * joined. Every key in it is already wrapped by a member of staff's password (Argon2id), so the
 * new computer can sign nobody in without their password; the server, without the code, cannot
 * even see how many accounts there are.
 */

export const keyringDocumentSchema = z.object({
  _id: z.string().regex(/^rk_[0-9a-z]{8}$/),
  _rev: z.string().optional(),
  kind: z.literal('keyring'),
  iv: z
    .string()
    .length(16)
    .regex(/^[A-Za-z0-9_-]*$/),
  c: z
    .string()
    .min(22)
    .max(8_000_000)
    .regex(/^[A-Za-z0-9_-]*$/),
});
export type KeyringDocument = z.infer<typeof keyringDocumentSchema>;

export const keyringDocumentId = (pairingId: string): string => `rk_${pairingId}`;

const additionalData = (database: string, pairingId: string) =>
  new TextEncoder().encode(`family-links-keyring/v1\u0000${database}\u0000${pairingId}`);

export async function sealKeyring(
  keys: Pick<PairingKeys, 'sealKey'>,
  database: string,
  pairingId: string,
  accounts: readonly unknown[],
): Promise<KeyringDocument> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(database, pairingId) },
    keys.sealKey,
    new TextEncoder().encode(JSON.stringify(toSyncJson(accounts))),
  );
  return {
    _id: keyringDocumentId(pairingId),
    kind: 'keyring',
    iv: bytesToBase64Url(iv),
    c: bytesToBase64Url(new Uint8Array(sealed)),
  };
}

/** The accounts, or undefined if the document is not this pairing's keyring sealed with this code. */
export async function openKeyring(
  keys: Pick<PairingKeys, 'sealKey'>,
  database: string,
  pairingId: string,
  document: unknown,
): Promise<unknown[] | undefined> {
  const parsed = keyringDocumentSchema.safeParse(document);
  if (!parsed.success || parsed.data._id !== keyringDocumentId(pairingId)) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: base64UrlToBytes(parsed.data.iv),
        additionalData: additionalData(database, pairingId),
      },
      keys.sealKey,
      base64UrlToBytes(parsed.data.c),
    );
    const accounts = fromSyncJson(JSON.parse(new TextDecoder().decode(plain)));
    return Array.isArray(accounts) ? accounts : undefined;
  } catch {
    return undefined;
  }
}
