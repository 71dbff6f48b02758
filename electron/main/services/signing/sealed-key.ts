import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { fail, ok, type Result } from '../../../../shared/result';

/**
 * A private key sealed as an encrypted PKCS#8 (PBKDF2-SHA256 and AES-256-CBC, the OpenSSL defaults
 * for `KeyObject.export` with a cipher) under a random 256-bit secret. node:crypto opens it
 * natively in about two milliseconds, where a PKCS#12 through node-forge took tens: this is the
 * form every staff key and the home CA's key are kept in. The secret is never stored beside it:
 * the renderer keeps it wrapped by the person's password-derived key.
 */
export type SealedPrivateKey = {
  /** Encrypted PKCS#8, DER. */
  readonly encryptedKey: Uint8Array;
  /** The key's certificate first, then the rest of the chain, as PEM. */
  readonly certificateChainPem: readonly string[];
  readonly secret: string;
};

/** The key opened for one signature, in memory only. */
export type OpenedSigner = {
  readonly privateKey: KeyObject;
  /** The chain as DER, the key's certificate first: what goes into the CMS. */
  readonly chainDer: readonly Uint8Array[];
  /** The certificate's common name, as people read it. */
  readonly signerName: string;
  readonly certificate: X509Certificate;
};

export type OpenSealedKeyFailure = 'wrong-secret' | 'unreadable-key';

export function sealPrivateKey(key: KeyObject, secret: string): Uint8Array {
  return new Uint8Array(
    key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: secret }),
  );
}

/** The common name from a certificate's DER (forge decodes UTF8String names correctly; Node escapes them). */
export function commonNameOf(der: Uint8Array): string {
  const certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary')));
  // forge types getField as any, and hands a parsed UTF8String back as its raw UTF-8 bytes.
  const field = (certificate.subject.getField('CN') as { value?: unknown } | null)?.value;
  return typeof field === 'string' ? Buffer.from(field, 'binary').toString('utf8') : 'Unknown signer';
}

type ParsedChain = {
  readonly certificate: X509Certificate;
  readonly chainDer: readonly Uint8Array[];
  readonly signerName: string;
};

// Parsing certificates costs more than opening the key; the same few staff sign again and again.
const parsedChains = new Map<string, ParsedChain>();
const parsedChainLimit = 64;

function parseChain(pems: readonly string[]): ParsedChain | undefined {
  const cacheKey = createHash('sha256').update(pems.join('\n')).digest('hex');
  const cached = parsedChains.get(cacheKey);
  if (cached) return cached;
  try {
    const certificates = pems.map((pem) => new X509Certificate(pem));
    const [certificate] = certificates;
    if (!certificate) return undefined;
    const chainDer = certificates.map((each) => new Uint8Array(each.raw));
    const parsed = { certificate, chainDer, signerName: commonNameOf(chainDer[0] ?? new Uint8Array()) };
    if (parsedChains.size >= parsedChainLimit) parsedChains.clear();
    parsedChains.set(cacheKey, parsed);
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * Whether the bytes are an EncryptedPrivateKeyInfo (an algorithm, then the encrypted key). AES-CBC
 * carries no check of its own: about one wrong secret in 256 still decrypts to valid padding and
 * fails later, as a key that does not parse. Once the outer shape is sound, any failure to open
 * is the secret's, not the key's.
 */
function isEncryptedPkcs8(der: Uint8Array): boolean {
  try {
    const outer = forge.asn1.fromDer(Buffer.from(der).toString('binary'));
    const [algorithm, encrypted] = Array.isArray(outer.value) ? outer.value : [];
    return (
      outer.type === forge.asn1.Type.SEQUENCE &&
      Array.isArray(outer.value) &&
      outer.value.length === 2 &&
      algorithm?.type === forge.asn1.Type.SEQUENCE &&
      encrypted?.type === forge.asn1.Type.OCTETSTRING
    );
  } catch {
    return false;
  }
}

/** Opens a sealed key; a wrong secret is a value, not an exception. */
export function openSealedKey(sealed: SealedPrivateKey): Result<OpenedSigner, OpenSealedKeyFailure> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: Buffer.from(sealed.encryptedKey),
      format: 'der',
      type: 'pkcs8',
      passphrase: sealed.secret,
    });
  } catch {
    if (isEncryptedPkcs8(sealed.encryptedKey))
      return fail(
        'wrong-secret',
        'Your signing key could not be opened with your password. Sign out and in again; if it keeps happening, ask the manager to issue you a new certificate.',
      );
    return fail(
      'unreadable-key',
      'Your signing key cannot be read. Ask the manager to issue you a new certificate.',
    );
  }
  const chain = parseChain(sealed.certificateChainPem);
  if (!chain)
    return fail(
      'unreadable-key',
      'Your signing certificate cannot be read. Ask the manager to issue you a new certificate.',
    );
  if (!chain.certificate.checkPrivateKey(privateKey))
    return fail(
      'unreadable-key',
      'Your signing key and certificate do not belong together. Ask the manager to issue you a new certificate.',
    );
  return ok({
    privateKey,
    chainDer: chain.chainDer,
    signerName: chain.signerName,
    certificate: chain.certificate,
  });
}
