import type { X509Certificate } from 'node:crypto';
import { staffRoles, type StaffRole } from '../../../../shared/schemas/staff';

/**
 * Who a staff certificate was issued to, and in which roles, as the home CA wrote it: a URI in the
 * certificate's subjectAltName, `urn:family-links:staff:<account id>:roles:<role>+<role>`. A URI
 * rather than an extension of our own, so every reader (pdfsig, Adobe, node:crypto) parses it and
 * ignores it, and it needs no registered object identifier. The CA's signature covers it, so only
 * whoever can open the home CA's key (a Registered Manager) can say someone is one.
 */
export type StaffClaims = { readonly staffId: string; readonly roles: readonly StaffRole[] };

const prefix = 'urn:family-links:staff:';
const claimPattern = /^urn:family-links:staff:([0-9a-f-]{36}):roles:([A-Za-z]+(?:\+[A-Za-z]+)*)$/;

export function staffClaimUri(claims: StaffClaims): string {
  return `${prefix}${claims.staffId}:roles:${[...claims.roles].sort().join('+')}`;
}

/** The claims in a certificate, or undefined for one issued before certificates named roles. */
export function staffClaimsOf(certificate: Pick<X509Certificate, 'subjectAltName'>): StaffClaims | undefined {
  const names = certificate.subjectAltName?.split(/,\s*/) ?? [];
  const claims = names
    .filter((name) => name.startsWith(`URI:${prefix}`))
    .map((name) => claimPattern.exec(name.slice('URI:'.length)))
    .filter((match) => match !== null);
  // Exactly one: a certificate naming two different people is not believed about either.
  if (claims.length !== 1) return undefined;
  const [match] = claims;
  if (!match?.[1] || !match[2]) return undefined;
  const roles = match[2].split('+');
  if (!roles.every((role): role is StaffRole => (staffRoles as readonly string[]).includes(role)))
    return undefined;
  return { staffId: match[1], roles };
}
