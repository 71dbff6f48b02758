import { createHash, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { fail, ok, type Result } from '../../../../shared/result';
import { openSealedKey, sealPrivateKey, type OpenSealedKeyFailure } from './sealed-key';

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * The home's own certificate authority and the staff certificates it issues (issue #6, point 5).
 *
 * Why a CA and not one self-signed certificate per person: pdfsig (NSS) reports a self-signed
 * CA:true signer as "Unknown issue with Certificate", and one home CA lets a reader trust every
 * staff signature by trusting one certificate. Keys are RSA-2048 made by node:crypto (native and
 * fast; forge's pure-JS key generation takes seconds); forge builds and signs the certificates.
 *
 * Where keys live: only ever sealed (encrypted PKCS#8, sealed-key.ts) under a random secret the
 * renderer made. The CA's secret is wrapped for the managers only; each staff member's secret is
 * wrapped by their own password-derived key (renderer/src/db/encryption/signing-keys.ts). Main
 * receives sealed bytes and the secret, uses the key in memory, and writes nothing.
 */

export type IssuedAuthority = {
  readonly encryptedKey: Uint8Array;
  readonly certificatePem: string;
  /** SHA-256 of the certificate's DER, in hex: what a person compares to check it is the same. */
  readonly fingerprint: string;
  readonly notAfter: string;
};

export type IssuedCredential = {
  readonly encryptedKey: Uint8Array;
  /** The staff member's certificate, then the CA's. */
  readonly certificateChainPem: readonly string[];
  readonly fingerprint: string;
  readonly serialNumber: string;
  readonly subjectName: string;
  readonly issuedAt: string;
  readonly notAfter: string;
};

const day = 86_400_000;

async function newRsaKey(): Promise<{ privateKey: KeyObject; publicKey: forge.pki.rsa.PublicKey }> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()) };
}

const forgeKeyOf = (key: KeyObject): forge.pki.rsa.PrivateKey => forge.pki.privateKeyFromPem(key.export({ type: 'pkcs8', format: 'pem' }).toString());

/** A random positive serial number of 16 bytes (the top bit clear, so DER keeps it positive). */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Names as UTF8String, so "Siobhán O’Neill" survives (forge encodes the text itself for this tag). */
function nameOf(commonName: string, organisation: string): forge.pki.CertificateField[] {
  return [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    { name: 'organizationName', value: organisation, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  ];
}

export function certificateDer(certificate: forge.pki.Certificate): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));
}

const fingerprintOf = (certificate: forge.pki.Certificate): string => createHash('sha256').update(certificateDer(certificate)).digest('hex');

/** Made once, at first run: a self-signed CA that may only sign certificates (and revocation lists). */
export async function createHomeCertificateAuthority(options: { homeName: string; secret: string; now: Date; validYears?: number }): Promise<IssuedAuthority> {
  const { privateKey, publicKey } = await newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = newSerialNumber();
  // Backdated an hour so a PC whose clock is a little behind still accepts it.
  certificate.validity.notBefore = new Date(options.now.getTime() - 3_600_000);
  certificate.validity.notAfter = new Date(options.now.getTime() + (options.validYears ?? 20) * 365 * day);
  const name = nameOf(`${options.homeName} signing authority`, options.homeName);
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeKeyOf(privateKey), forge.md.sha256.create());
  return {
    encryptedKey: sealPrivateKey(privateKey, options.secret),
    certificatePem: forge.pki.certificateToPem(certificate),
    fingerprint: fingerprintOf(certificate),
    notAfter: certificate.validity.notAfter.toISOString(),
  };
}

export type IssueFailure = OpenSealedKeyFailure | 'not-a-ca';

/** A staff member's signing certificate, issued by the home CA when their account is made. */
export async function issueStaffCertificate(options: {
  ca: { encryptedKey: Uint8Array; certificatePem: string; secret: string };
  staff: { name: string; email?: string | undefined };
  homeName: string;
  /** Seals the new key: a random secret the renderer keeps wrapped by the staff member's password. */
  secret: string;
  now: Date;
  validYears?: number;
}): Promise<Result<IssuedCredential, IssueFailure>> {
  const opened = openSealedKey({ encryptedKey: options.ca.encryptedKey, certificateChainPem: [options.ca.certificatePem], secret: options.ca.secret });
  if (!opened.ok) {
    if (opened.error.code === 'wrong-secret') return fail('wrong-secret', 'The home’s signing authority could not be opened from this session. Sign out and in again as the Registered Manager.');
    return fail('unreadable-key', 'The home’s signing authority cannot be read, so no certificate was issued.');
  }
  if (!opened.value.certificate.ca) return fail('not-a-ca', 'That certificate cannot issue certificates to staff. Choose the home’s certificate authority file.');
  const caCertificate = forge.pki.certificateFromPem(options.ca.certificatePem);

  const { privateKey, publicKey } = await newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = newSerialNumber();
  certificate.validity.notBefore = new Date(options.now.getTime() - 3_600_000);
  const notAfter = options.now.getTime() + (options.validYears ?? 5) * 365 * day;
  // Never outlive the CA: a chain that expires at its root first fails in surprising ways.
  certificate.validity.notAfter = new Date(Math.min(notAfter, caCertificate.validity.notAfter.getTime()));
  certificate.setSubject(nameOf(options.staff.name, options.homeName));
  certificate.setIssuer(caCertificate.subject.attributes);
  const caKeyId = forge.pki.getPublicKeyFingerprint(caCertificate.publicKey, { md: forge.md.sha1.create() }).getBytes();
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
    ...(options.staff.email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: options.staff.email }] }] : []),
  ]);
  certificate.sign(forgeKeyOf(opened.value.privateKey), forge.md.sha256.create());
  return ok({
    encryptedKey: sealPrivateKey(privateKey, options.secret),
    certificateChainPem: [forge.pki.certificateToPem(certificate), options.ca.certificatePem],
    fingerprint: fingerprintOf(certificate),
    serialNumber: certificate.serialNumber,
    subjectName: options.staff.name,
    issuedAt: options.now.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
  });
}
