import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { fail, ok, type Result } from '../../../../shared/result';

/**
 * A private key with its certificate chain, sealed in a PKCS#12 file under a password. This is the
 * only form in which a key leaves this module: the staff member's PKCS#12 is kept inside the
 * renderer's sealed records and sent to main for each signature with their password; the home CA's
 * PKCS#12 password is wrapped by the manager's key. Nothing here writes a key to disk.
 */
export type SealedKey = { readonly p12: Uint8Array; readonly password: string };

/** The key opened for one signature, held only in memory for as long as the caller keeps it. */
export type OpenedKey = {
  readonly privateKey: KeyObject;
  /** forge's view of the same key, needed to sign certificates. */
  readonly forgeKey: forge.pki.rsa.PrivateKey;
  /** The certificate that belongs to the key first, then the rest of the chain as stored. */
  readonly certificate: forge.pki.Certificate;
  readonly chain: readonly forge.pki.Certificate[];
};

export type OpenKeyFailure = 'wrong-password' | 'unreadable-key';

// forge works on "binary strings" (one character a byte); these convert at the edge.
export const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
export const fromBinary = (binary: string): Uint8Array => new Uint8Array(Buffer.from(binary, 'binary'));

// PKCS#12 bag types (RFC 7292), spelt out because forge's oid table is typed as possibly missing.
const bagOids = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
} as const;

const publicKeyMatches = (certificate: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): boolean => {
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
};

/** Opens a sealed key; a wrong password is a value, not an exception, so the caller can ask again. */
export function openKey(sealed: SealedKey): Result<OpenedKey, OpenKeyFailure> {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(toBinary(sealed.p12)), sealed.password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC could not be verified/i.test(message))
      return fail('wrong-password', 'That password does not open the signing key. Check it and try again.');
    return fail(
      'unreadable-key',
      'The signing key file cannot be read. Ask the manager to issue a new certificate.',
    );
  }
  const keyBag = pfx.getBags({ bagType: bagOids.shroudedKey })[bagOids.shroudedKey]?.[0];
  const certificates = (pfx.getBags({ bagType: bagOids.certificate })[bagOids.certificate] ?? []).flatMap(
    (bag: forge.pkcs12.Bag) => (bag.cert ? [bag.cert] : []),
  );
  const forgeKey = keyBag?.key;
  const certificate = forgeKey
    ? certificates.find((candidate) => publicKeyMatches(candidate, forgeKey))
    : undefined;
  if (!forgeKey || !certificate)
    return fail(
      'unreadable-key',
      'The signing key file has no key and certificate that belong together. Ask the manager to issue a new certificate.',
    );
  const der = forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(forgeKey))).getBytes();
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'binary'), format: 'der', type: 'pkcs8' });
  return ok({
    privateKey,
    forgeKey,
    certificate,
    chain: [certificate, ...certificates.filter((candidate) => candidate !== certificate)],
  });
}
