/**
 * Whether the certificate authority this computer's main process holds manager-only requests to
 * is the home's. The main process learns a CA on first use when it knows none (a computer
 * restored onto, or whose record of the CA was removed), so someone at the keyboard could make it
 * learn one of their own. Their requests would then pass and the home's would be refused. What
 * cannot be changed from the keyboard is the CA in a signed-in person's own certificate chain,
 * sealed in their keyring under their password: a CA that differs from it is not the home's.
 */
export type HeldAuthority =
  | { readonly state: 'pinned'; readonly fingerprint: string }
  | { readonly state: 'none' }
  | { readonly state: 'unverifiable' };

/**
 * - `matches`: the CA held is the one that issued this person's certificate;
 * - `different`: it is another CA: this computer was made to trust one that is not the home's;
 * - `unknown`: the computer holds none yet (the next certificate issued here teaches it);
 * - `unverifiable`: its record was changed outside Family Links;
 * - `unchecked`: this person has no certificate to compare with.
 */
export type HomeAuthorityMatch = 'matches' | 'different' | 'unknown' | 'unverifiable' | 'unchecked';

/** `held` against `ownFingerprint`, the SHA-256 (hex) of the CA certificate in the person's own chain. */
export function homeAuthorityMatch(
  held: HeldAuthority,
  ownFingerprint: string | undefined,
): HomeAuthorityMatch {
  if (held.state === 'unverifiable') return 'unverifiable';
  if (ownFingerprint === undefined) return 'unchecked';
  if (held.state === 'none') return 'unknown';
  return held.fingerprint === ownFingerprint.toLowerCase() ? 'matches' : 'different';
}

const pemBody = /^-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----\s*$/;

/** The base64 of a PEM certificate's DER, whitespace removed; undefined if it is not one certificate. */
export function certificateDerBase64(pem: string): string | undefined {
  const body = pemBody.exec(pem.trim())?.[1];
  return body === undefined ? undefined : body.replace(/\s+/g, '');
}
