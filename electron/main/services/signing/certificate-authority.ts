import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import type { Result } from '../../../../shared/result';
import { certificateToDer, openKey, sealKey, type OpenKeyFailure, type SealedKey } from './pkcs12';

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * The home's own certificate authority and the staff certificates it issues (issue #6, point 5).
 *
 * Why a CA and not one self-signed certificate per person: pdfsig (NSS) reports a self-signed
 * CA:true signer as "Unknown issue with Certificate", and one home CA lets a reader trust every
 * staff signature by trusting one certificate. Keys are RSA-2048 made by node:crypto (native and
 * fast; forge's pure-JS key generation takes seconds); forge builds and signs the certificates.
 *
 * Where keys live: only ever inside a password-sealed PKCS#12 (see pkcs12.ts). The CA's PKCS#12 is
 * made at first run (or imported from the organisation) and its password is wrapped by the
 * manager's key; each staff member's PKCS#12 is issued at account creation, sealed with a password
 * from their keyring, and stored in the renderer's sealed records. Main receives sealed bytes and a
 * password, uses the key in memory, and writes nothing.
 */

export type IssuedCertificate = {
  /** The key and certificate chain, sealed with the password given. */
  readonly p12: Uint8Array;
  readonly certificatePem: string;
  /** SHA-256 of the certificate's DER, in hex: what a person compares to check it is the same. */
  readonly sha256Fingerprint: string;
};

const day = 86_400_000;

async function newRsaKey(): Promise<{ privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey }> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** A random positive serial number of 16 bytes (the top bit clear, so DER keeps it positive). */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f | 0x01;
  return bytes.toString('hex');
}

/** Names as UTF8String, so "Siobhán O’Neill" survives (forge encodes the text itself for this tag). */
function nameOf(commonName: string, organisation: string): forge.pki.CertificateField[] {
  return [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    { name: 'organizationName', value: organisation, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  ];
}

function fingerprintOf(certificate: forge.pki.Certificate): string {
  return createHash('sha256').update(certificateToDer(certificate)).digest('hex');
}

function issued(p12: Uint8Array, certificate: forge.pki.Certificate): IssuedCertificate {
  return { p12, certificatePem: forge.pki.certificateToPem(certificate), sha256Fingerprint: fingerprintOf(certificate) };
}

/** Made once, at first run: a self-signed CA that may only sign certificates (and revocation lists). */
export async function createHomeCertificateAuthority(options: { homeName: string; password: string; now: Date; validYears?: number }): Promise<IssuedCertificate> {
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
  certificate.sign(privateKey, forge.md.sha256.create());
  return issued(sealKey(privateKey, [certificate], options.password, `${options.homeName} signing authority`), certificate);
}

export type IssueFailure = OpenKeyFailure | 'not-a-ca';

/** A staff member's signing certificate, issued by the home CA when their account is made. */
export async function issueStaffCertificate(options: {
  ca: SealedKey;
  staff: { name: string; email?: string };
  homeName: string;
  /** Seals the new key; the staff member's, or a random secret kept in their sealed keyring. */
  password: string;
  now: Date;
  validYears?: number;
}): Promise<Result<IssuedCertificate, IssueFailure>> {
  const opened = openKey(options.ca);
  if (!opened.ok) return opened;
  const ca = opened.value;
  // forge types extensions as {}; basicConstraints carries cA when present.
  const basicConstraints: { cA?: unknown } | undefined = ca.certificate.getExtension('basicConstraints');
  if (basicConstraints?.cA !== true) return { ok: false, error: { code: 'not-a-ca', message: 'That certificate cannot issue certificates to staff. Choose the home’s certificate authority file.' } };

  const { privateKey, publicKey } = await newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = newSerialNumber();
  certificate.validity.notBefore = new Date(options.now.getTime() - 3_600_000);
  const notAfter = options.now.getTime() + (options.validYears ?? 5) * 365 * day;
  // Never outlive the CA: a chain that expires at its root first fails in surprising ways.
  certificate.validity.notAfter = new Date(Math.min(notAfter, ca.certificate.validity.notAfter.getTime()));
  certificate.setSubject(nameOf(options.staff.name, options.homeName));
  certificate.setIssuer(ca.certificate.subject.attributes);
  const caKeyId = forge.pki.getPublicKeyFingerprint(ca.certificate.publicKey, { md: forge.md.sha1.create() }).getBytes();
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
    ...(options.staff.email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: options.staff.email }] }] : []),
  ]);
  certificate.sign(ca.forgeKey, forge.md.sha256.create());
  return { ok: true, value: issued(sealKey(privateKey, [certificate, ca.certificate], options.password, options.staff.name), certificate) };
}
