/**
 * Opens a sealed signing key (an encrypted PKCS#8, as electron/main/services/signing/sealed-key.ts
 * makes it: PBES2 with PBKDF2 and AES-256-CBC) with WebCrypto alone, and imports it as an RSA
 * signing key that cannot be exported. The page uses it to sign manager-only requests
 * (shared/ipc/manager-proof.ts) without the key or its secret ever crossing to the main process.
 *
 * Only what the main process writes is accepted: PBES2, PBKDF2 with HMAC-SHA-1 or HMAC-SHA-256
 * (OpenSSL and BoringSSL differ in their default) and a sane iteration count, AES-256-CBC.
 * Anything else is refused rather than guessed at.
 */

type Der = { readonly tag: number; readonly content: Uint8Array; readonly end: number };

/** Reads one DER element at `offset` (definite lengths only, as DER requires). */
function readElement(bytes: Uint8Array, offset: number): Der {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('truncated');
  let start = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported length');
    length = 0;
    for (let index = 0; index < count; index += 1) {
      lengthByte = bytes[start + index];
      if (lengthByte === undefined) throw new Error('truncated');
      length = length * 256 + lengthByte;
    }
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new Error('truncated');
  return { tag, content: bytes.subarray(start, end), end };
}

/** The elements inside a SEQUENCE's content, in order. */
function children(content: Uint8Array): Der[] {
  const found: Der[] = [];
  let offset = 0;
  while (offset < content.length) {
    const element = readElement(content, offset);
    found.push(element);
    offset = element.end;
  }
  return found;
}

/** Dotted text of an OBJECT IDENTIFIER's content. */
function oidOf(content: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const [first = 0, ...rest] = parts;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

function integerOf(content: Uint8Array): number {
  if (content.length > 4) throw new Error('iteration count too large');
  return content.reduce((value, byte) => value * 256 + byte, 0);
}

const sequence = 0x30;
const octetString = 0x04;
const objectIdentifier = 0x06;
const integer = 0x02;
const oids = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha1: '1.2.840.113549.2.7',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

export type EncryptedPkcs8 = {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  readonly hash: 'SHA-1' | 'SHA-256';
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly encryptedData: Uint8Array<ArrayBuffer>;
};

function expect(element: Der | undefined, tag: number): Der {
  if (!element || element.tag !== tag) throw new Error('not an encrypted private key');
  return element;
}

const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** The parameters of an EncryptedPrivateKeyInfo, or an error for anything but what main writes. */
export function parseEncryptedPkcs8(der: Uint8Array): EncryptedPkcs8 {
  const [algorithm, data] = children(expect(readElement(der, 0), sequence).content);
  const [schemeOid, schemeParameters] = children(expect(algorithm, sequence).content);
  if (oidOf(expect(schemeOid, objectIdentifier).content) !== oids.pbes2) throw new Error('not PBES2');
  const [kdf, cipher] = children(expect(schemeParameters, sequence).content);
  const [kdfOid, kdfParameters] = children(expect(kdf, sequence).content);
  if (oidOf(expect(kdfOid, objectIdentifier).content) !== oids.pbkdf2) throw new Error('not PBKDF2');
  const [salt, iterationCount, ...optional] = children(expect(kdfParameters, sequence).content);
  // keyLength (an INTEGER) may come before the PRF; the PRF defaults to HMAC-SHA-1 when absent.
  const prf = optional.find((element) => element.tag === sequence);
  let hash: 'SHA-1' | 'SHA-256' = 'SHA-1';
  if (prf) {
    const [prfOid] = children(prf.content);
    const name = oidOf(expect(prfOid, objectIdentifier).content);
    if (name === oids.hmacWithSha256) hash = 'SHA-256';
    else if (name !== oids.hmacWithSha1) throw new Error('unsupported PRF');
  }
  const iterations = integerOf(expect(iterationCount, integer).content);
  if (iterations < 1000 || iterations > 10_000_000) throw new Error('unsupported iteration count');
  const [cipherOid, iv] = children(expect(cipher, sequence).content);
  if (oidOf(expect(cipherOid, objectIdentifier).content) !== oids.aes256Cbc)
    throw new Error('not AES-256-CBC');
  const ivBytes = expect(iv, octetString).content;
  if (ivBytes.length !== 16) throw new Error('bad IV');
  return {
    salt: copy(expect(salt, octetString).content),
    iterations,
    hash,
    iv: copy(ivBytes),
    encryptedData: copy(expect(data, octetString).content),
  };
}

/**
 * The RSA key inside a sealed key, opened with its secret (the 64 hex digits) and imported for
 * RSASSA-PKCS1-v1_5 with SHA-256, signing only, not extractable. Throws on a wrong secret.
 */
/** WebCrypto's key type, named without relying on the DOM library (shared code also builds for Node). */
export type SigningKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export async function openSigningKey(sealedKey: Uint8Array, secret: string): Promise<SigningKey> {
  const parsed = parseEncryptedPkcs8(sealedKey);
  const subtle = globalThis.crypto.subtle;
  const password = await subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const aesKey = await subtle.deriveKey(
    { name: 'PBKDF2', salt: parsed.salt, iterations: parsed.iterations, hash: parsed.hash },
    password,
    { name: 'AES-CBC', length: 256 },
    false,
    ['decrypt'],
  );
  const pkcs8 = await subtle.decrypt({ name: 'AES-CBC', iv: parsed.iv }, aesKey, parsed.encryptedData);
  return subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}
