import { hexOf } from '@shared/bytes';
import {
  sealedAuthoritySchema,
  type SealedAuthority,
  type SealedCredential,
} from '@shared/ipc/channels/signing';
import { fail, ok, type Result } from '@shared/result';
import type { StaffRole } from '@shared/schemas/staff';
import type { SigningPort } from '../../platform/signing-port';
import { generateSealingSecret } from './key-wrapping';

/**
 * Signing keys on the renderer's side (DESIGN: signed PDFs). The main process makes and uses the keys;
 * the renderer only ever holds them sealed (encrypted PKCS#8) plus the secrets that open them, and
 * each secret only wrapped by a password-derived key:
 * - the home CA's sealed key and certificate: settings row `signingAuthority` (it opens nothing alone);
 * - the CA's secret: wrapped in each manager's keyring entry (`authorityKey`), and, while a manager
 *   is signed in, held in memory beside their session (below) so adding a colleague can issue;
 * - each person's sealed key and certificates, and their secret wrapped by their own password, in
 *   their keyring entry (`signingKey`).
 */

export const signingAuthoritySettingKey = 'signingAuthority';

/** A sealing secret's 32 bytes as the hex passphrase main expects. */
export async function secretPassphrase(secret: CryptoKey): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', secret));
  return hexOf(raw);
}

export type NewAuthority = { readonly authority: SealedAuthority; readonly secret: CryptoKey };
export type NewCredential = { readonly credential: SealedCredential; readonly secret: CryptoKey };

type IssueFailureCode = 'signing-unavailable' | 'authority-refused';

/** The home CA, made in main and sealed with a new secret made here. */
export async function createAuthority(
  port: SigningPort,
  homeName: string,
): Promise<Result<NewAuthority, IssueFailureCode>> {
  const secret = await generateSealingSecret();
  const reply = await port['signing:create-authority']({ homeName, secret: await secretPassphrase(secret) });
  if (!reply.ok)
    return fail('signing-unavailable', `The home’s signing keys could not be made: ${reply.error.message}`);
  return ok({ authority: reply.value.authority, secret });
}

/** A certificate and key for one person, issued by the home CA, sealed with a new secret made here. */
export async function issueCredential(
  port: SigningPort,
  input: {
    authority: SealedAuthority;
    authoritySecret: CryptoKey;
    /** The certificate names the account and its roles: what the main process checks manager requests by. */
    staff: { id: string; name: string; email?: string; roles: readonly StaffRole[] };
    homeName: string;
  },
): Promise<Result<NewCredential, IssueFailureCode>> {
  const secret = await generateSealingSecret();
  const reply = await port['signing:issue-certificate']({
    authority: { encryptedKey: input.authority.encryptedKey, certificatePem: input.authority.certificatePem },
    authoritySecret: await secretPassphrase(input.authoritySecret),
    staff: { ...input.staff, roles: [...input.staff.roles] },
    homeName: input.homeName,
    secret: await secretPassphrase(secret),
  });
  if (!reply.ok)
    return fail('signing-unavailable', `No signing certificate could be issued: ${reply.error.message}`);
  if (reply.value.outcome !== 'issued') return fail('authority-refused', reply.value.message);
  return ok({ credential: reply.value.credential, secret });
}

/** The stored home CA, if the home has one. */
export function parseAuthority(value: unknown): SealedAuthority | undefined {
  const parsed = sealedAuthoritySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
