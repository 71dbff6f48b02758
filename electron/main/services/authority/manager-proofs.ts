import { randomBytes, verify as verifySignature, X509Certificate } from 'node:crypto';
import { managerProofMessage, type ManagerProof } from '../../../../shared/ipc/manager-proof';
import { fail, ok, type Result } from '../../../../shared/result';
import { commonNameOf } from '../signing/sealed-key';
import type { HomeAuthority } from './home-authority';
import { staffClaimsOf } from './staff-claims';
import type { ClockAndLog } from '../clock-and-log';

/**
 * Checks the proof a manager-only request carries (shared/ipc/manager-proof.ts) against what only
 * the main process knows: the challenges it gave out, the home CA it keeps, the revocations, and
 * its own clock. Nothing the page says about who is signed in counts.
 */
export type ManagerRefusalCode =
  | 'stale-challenge'
  | 'unknown-authority'
  | 'authority-unverifiable'
  | 'not-issued-by-home'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'no-roles'
  | 'not-a-manager'
  | 'revoked'
  | 'bad-signature';

export type ProvenManager = { readonly staffId: string; readonly name: string };

/** How long a challenge may be used, and how many may wait at once (the oldest go first). */
export const challengeLifetimeMs = 2 * 60_000;
const maxOutstanding = 64;
/** The home CA backdates each certificate by this much (certificate-authority.ts). */
const issuedBackdateMs = 3_600_000;

export function createManagerProofs(options: ClockAndLog & { authority: HomeAuthority }) {
  const now = options.now ?? (() => new Date());
  const challenges = new Map<string, number>();

  const refuse = (code: ManagerRefusalCode, message: string) => {
    options.log?.('Refused a manager-only request', { code });
    return fail(code, message);
  };

  return {
    challenge(): { nonce: string; expiresAt: string } {
      const at = now().getTime();
      for (const [nonce, expires] of challenges) if (expires <= at) challenges.delete(nonce);
      while (challenges.size >= maxOutstanding) {
        const [oldest] = challenges.keys();
        if (oldest === undefined) break;
        challenges.delete(oldest);
      }
      const nonce = randomBytes(32).toString('hex');
      const expires = at + challengeLifetimeMs;
      challenges.set(nonce, expires);
      return { nonce, expiresAt: new Date(expires).toISOString() };
    },

    /**
     * Whether `proof` shows a Registered Manager (or, with `needs: 'colleague'`, anyone on the
     * staff) asked for exactly `request` on `channel` just now. `learnAuthority` lets a computer
     * that knows no home CA yet learn the one this proof chains to (only inside a restore the main
     * process checked itself).
     */
    async verify(
      channel: string,
      request: unknown,
      proof: ManagerProof,
      learnAuthority = false,
      needs: 'manager' | 'colleague' = 'manager',
    ): Promise<Result<ProvenManager, ManagerRefusalCode>> {
      // One use, whatever happens next: a proof seen once can never be sent again.
      const expires = challenges.get(proof.nonce);
      challenges.delete(proof.nonce);
      if (expires === undefined || expires <= now().getTime())
        return refuse(
          'stale-challenge',
          'This request took too long or was sent twice, so it was not accepted. Try again.',
        );

      let leaf: X509Certificate;
      let offeredCa: X509Certificate;
      try {
        leaf = new X509Certificate(proof.certificateChainPem[0] ?? '');
        offeredCa = new X509Certificate(
          proof.certificateChainPem[proof.certificateChainPem.length - 1] ?? '',
        );
      } catch {
        return refuse(
          'not-issued-by-home',
          'Your signing certificate cannot be read. Ask another manager to reset your password.',
        );
      }

      let pinned = await options.authority.pinned();
      if (pinned.state === 'none' && learnAuthority) {
        await options.authority.learn(offeredCa.toString(), 'first-use');
        pinned = await options.authority.pinned();
      }
      if (pinned.state === 'none')
        return refuse(
          'unknown-authority',
          'This computer does not know the home’s certificate authority yet. Add or reset a colleague’s account, or renew your own certificate (Staff), and try again.',
        );
      if (pinned.state === 'unverifiable') return refuse('authority-unverifiable', pinned.message);
      const ca = pinned.certificate;
      if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey) || leaf.ca)
        return refuse(
          'not-issued-by-home',
          'Your signing certificate was not issued by this home’s certificate authority, so this change was refused.',
        );

      const at = now().getTime();
      if (at > Date.parse(leaf.validTo))
        return refuse(
          'certificate-expired',
          'Your signing certificate has expired. Renew it on the Staff screen (“Renew my certificate”), then try again.',
        );
      if (at < Date.parse(leaf.validFrom))
        return refuse(
          'certificate-not-yet-valid',
          'Your signing certificate is not valid yet: this computer’s clock may be wrong. Check the date and time.',
        );

      const claims = staffClaimsOf(leaf);
      if (!claims)
        return refuse(
          'no-roles',
          'Your signing certificate was issued before certificates named roles. Renew it on the Staff screen (“Renew my certificate”), then try again.',
        );
      if (needs === 'manager' && !claims.roles.includes('registeredManager'))
        return refuse('not-a-manager', 'Only the Registered Manager can change this.');
      const revocation = await options.authority.revocationOf(claims.staffId);
      if (revocation === 'unverifiable')
        return refuse(
          'authority-unverifiable',
          'The list of certificates this computer no longer accepts has been changed outside Family Links, so this change was refused.',
        );
      const { revokedAt } = revocation;
      if (revokedAt !== undefined && Date.parse(leaf.validFrom) + issuedBackdateMs <= Date.parse(revokedAt))
        return refuse(
          'revoked',
          'Your certificate was issued before your roles last changed. Renew it on the Staff screen (“Renew my certificate”), or ask another manager to reset your password.',
        );

      const message = Buffer.from(managerProofMessage(channel, request, proof.nonce), 'utf8');
      let isValid: boolean;
      try {
        isValid = verifySignature('sha256', message, leaf.publicKey, Buffer.from(proof.signature, 'base64'));
      } catch {
        isValid = false;
      }
      if (!isValid)
        return refuse('bad-signature', 'This request’s signature does not match it, so it was refused.');
      return ok({ staffId: claims.staffId, name: commonNameOf(new Uint8Array(leaf.raw)) });
    },
  };
}
export type ManagerProofs = ReturnType<typeof createManagerProofs>;
