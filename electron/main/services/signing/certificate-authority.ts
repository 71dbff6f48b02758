import { createHash, generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { fail, ok, type Result } from '../../../../shared/result';
import type { SealedAuthority, SealedCredential } from '../../../../shared/ipc/channels/signing';
import type { StaffRole } from '../../../../shared/schemas/staff';
import { staffClaimUri } from '../authority/staff-claims';
import { openSealedKey, sealPrivateKey, type OpenSealedKeyFailure } from './sealed-key';

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * The home's own certificate authority and the staff certificates it issues (DESIGN: signed PDFs).
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

/**
 * What the renderer stores (`SealedAuthority`, `SealedCredential` in shared/ipc/channels/signing.ts),
 * with the sealed key still as bytes: the handlers turn it into base64 for the bridge.
 */
type WithKeyBytes<Sealed> = Readonly<Omit<Sealed, 'encryptedKey'> & { encryptedKey: Uint8Array }>;

export type IssuedAuthority = WithKeyBytes<SealedAuthority>;

export type IssuedCredential = WithKeyBytes<SealedCredential>;

const day = 86_400_000;

export type RsaKeyPair = { readonly privateKey: KeyObject; readonly publicKey: KeyObject };

/** A new RSA-2048 key pair, made natively (in libuv's thread pool, off the main thread). */
export function generateRsaKey(): Promise<RsaKeyPair> {
  return generateRsaKeyPair('rsa', { modulusLength: 2048 });
}

/**
 * Keys made ahead of need. Generating an RSA key is a search for primes: 50-200 ms on an idle
 * machine, over a second on a busy one, and first run needs two (the CA's and the manager's).
 * `warmUp` starts `size` in the background; `take` hands out a ready one (or makes one now) and
 * starts its replacement, so the next account does not wait either.
 */
export function createKeyPool(size = 2, generate: () => Promise<RsaKeyPair> = generateRsaKey) {
  const ready: Promise<RsaKeyPair>[] = [];
  const refill = () => {
    while (ready.length < size) {
      const next = generate();
      // A failed background key is dropped here and surfaces only if someone takes it.
      next.catch(() => undefined);
      ready.push(next);
    }
  };
  return {
    warmUp: refill,
    take(): Promise<RsaKeyPair> {
      const next = ready.shift() ?? generate();
      refill();
      return next;
    },
  };
}
export type KeyPool = ReturnType<typeof createKeyPool>;

const forgePublicKeyOf = (key: KeyObject): forge.pki.rsa.PublicKey =>
  forge.pki.publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString());

/**
 * Signs a certificate with a node:crypto key. forge's `sign` feeds the TBSCertificate's DER to the
 * digest it is given and then asks the key to sign that digest; here the "digest" only collects the
 * bytes and the "key" signs them natively (forge's pure-JS RSA took 50-700 ms a certificate).
 */
function signCertificate(certificate: forge.pki.Certificate, key: KeyObject): void {
  let tbs = '';
  const collector = {
    algorithm: 'sha256',
    update(bytes: string) {
      tbs += bytes;
      return collector;
    },
  };
  const nativeKey = { sign: () => sign('sha256', Buffer.from(tbs, 'binary'), key).toString('binary') };
  certificate.sign(
    nativeKey as unknown as forge.pki.rsa.PrivateKey,
    collector as unknown as forge.md.MessageDigest,
  );
}

/** A random positive serial number of 16 bytes (the top bit clear, so DER keeps it positive). */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Names as UTF8String, so "Siobhán O’Neill" survives (forge encodes the text itself for this tag). */
function nameOf(commonName: string, organisation: string): forge.pki.CertificateField[] {
  return [
    {
      name: 'commonName',
      value: commonName,
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    },
    {
      name: 'organizationName',
      value: organisation,
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    },
  ];
}

export function certificateDer(certificate: forge.pki.Certificate): Uint8Array {
  return new Uint8Array(
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  );
}

const fingerprintOf = (certificate: forge.pki.Certificate): string =>
  createHash('sha256').update(certificateDer(certificate)).digest('hex');

/** Made once, at first run: a self-signed CA that may only sign certificates (and revocation lists). */
export async function createHomeCertificateAuthority(options: {
  homeName: string;
  secret: string;
  now: Date;
  validYears?: number;
  keys?: KeyPool;
}): Promise<IssuedAuthority> {
  const { privateKey, publicKey } = await (options.keys?.take() ?? generateRsaKey());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forgePublicKeyOf(publicKey);
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
  signCertificate(certificate, privateKey);
  return {
    encryptedKey: sealPrivateKey(privateKey, options.secret),
    certificatePem: forge.pki.certificateToPem(certificate),
    fingerprint: fingerprintOf(certificate),
    notAfter: certificate.validity.notAfter.toISOString(),
  };
}

export type IssueFailure = OpenSealedKeyFailure | 'not-a-ca' | 'certificate-expired';

/** A staff member's signing certificate, issued by the home CA when their account is made. */
export async function issueStaffCertificate(options: {
  ca: { encryptedKey: Uint8Array; certificatePem: string; secret: string };
  /** The certificate names the account and its roles (staff-claims.ts): a role change needs a new one. */
  staff: { id: string; name: string; email?: string | undefined; roles: readonly StaffRole[] };
  homeName: string;
  /** Seals the new key: a random secret the renderer keeps wrapped by the staff member's password. */
  secret: string;
  now: Date;
  validYears?: number;
  keys?: KeyPool;
}): Promise<Result<IssuedCredential, IssueFailure>> {
  const opened = openSealedKey({
    encryptedKey: options.ca.encryptedKey,
    certificateChainPem: [options.ca.certificatePem],
    secret: options.ca.secret,
  });
  if (!opened.ok) {
    if (opened.error.code === 'wrong-secret')
      return fail(
        'wrong-secret',
        'The home’s signing authority could not be opened from this session. Sign out and in again as the Registered Manager.',
      );
    return fail(
      'unreadable-key',
      'The home’s signing authority cannot be read, so no certificate was issued.',
    );
  }
  if (!opened.value.certificate.ca)
    return fail(
      'not-a-ca',
      'That certificate cannot issue certificates to staff. Choose the home’s certificate authority file.',
    );
  const caCertificate = forge.pki.certificateFromPem(options.ca.certificatePem);
  if (options.now.getTime() > caCertificate.validity.notAfter.getTime())
    return fail(
      'certificate-expired',
      'The home’s signing authority has expired, so no certificate was issued. A new one is needed: contact Family Links support.',
    );

  const { privateKey, publicKey } = await (options.keys?.take() ?? generateRsaKey());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forgePublicKeyOf(publicKey);
  certificate.serialNumber = newSerialNumber();
  certificate.validity.notBefore = new Date(options.now.getTime() - 3_600_000);
  const notAfter = options.now.getTime() + (options.validYears ?? 5) * 365 * day;
  // Never outlive the CA: a chain that expires at its root first fails in surprising ways.
  certificate.validity.notAfter = new Date(Math.min(notAfter, caCertificate.validity.notAfter.getTime()));
  certificate.setSubject(nameOf(options.staff.name, options.homeName));
  certificate.setIssuer(caCertificate.subject.attributes);
  const caKeyId = forge.pki
    .getPublicKeyFingerprint(caCertificate.publicKey, { md: forge.md.sha1.create() })
    .getBytes();
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyId },
    {
      name: 'subjectAltName',
      altNames: [
        // rfc822Name (1): the person's email, which PDF readers show; URI (6): who and which roles.
        ...(options.staff.email ? [{ type: 1, value: options.staff.email }] : []),
        { type: 6, value: staffClaimUri({ staffId: options.staff.id, roles: options.staff.roles }) },
      ],
    },
  ]);
  signCertificate(certificate, opened.value.privateKey);
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
