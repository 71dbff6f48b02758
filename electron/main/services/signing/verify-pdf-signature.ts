import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { SignatureCheck } from '../../../../shared/ipc/channels/documents';
import { toBinary } from './pkcs12';

/**
 * Checks a signed copy the way a reader of the case file would (pdfsig, Adobe Reader), so the
 * filed-form view can say "Signature valid" from the signature itself rather than from stored
 * hashes alone: the signature covers the whole file, its digest matches those bytes, the signer's
 * key made it, and the signer's certificate was issued by this home's authority and was in date
 * when the copy was signed. Only Family Links' own shape is accepted (one CAdES-detached signature,
 * SHA-256, RSA), which is all the app makes.
 */

const oids = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const signingTimePattern = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/g;

const invalid = (message: string): SignatureCheck => ({ state: 'invalid', message });

function children(node: Node | undefined): Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}

/** A context-specific [tag]: forge types the tag number as a universal type, so it is compared as a number. */
function isContextTag(node: Node, tag: number): boolean {
  return node.tagClass === asn1.Class.CONTEXT_SPECIFIC && Number(node.type) === tag;
}

function oidOf(node: Node | undefined): string | undefined {
  if (!node || node.type !== asn1.Type.OID || typeof node.value !== 'string') return undefined;
  return asn1.derToOid(node.value);
}

function derOf(node: Node): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

/**
 * The signing time: PAdES puts it in the signature dictionary's /M, which lies in the signed bytes
 * either side of /Contents. Only that dictionary is searched, from its `<<` to its `endobj`.
 */
function signingTimeOf(text: string, byteRangeAt: number, contentsEnd: number): Date | undefined {
  const dictionary = `${text.slice(text.lastIndexOf('<<', byteRangeAt), byteRangeAt)} ${text.slice(
    contentsEnd,
    text.indexOf('endobj', contentsEnd),
  )}`;
  const found = [...dictionary.matchAll(signingTimePattern)];
  if (found.length !== 1 || !found[0]) return undefined;
  const [, year, month, day, hour, minute, second, zone] = found[0];
  const offset =
    !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replaceAll("'", '').slice(3, 5) || '00'}`;
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** /Contents is zero-padded to the room left for it; the DER value's own length says where it ends. */
function withoutPadding(der: Buffer): Buffer {
  const first = der[1];
  if (der[0] !== 0x30 || first === undefined) throw new Error('Not a DER sequence');
  if (first < 0x80) return der.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new Error('Not a definite DER length');
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + (der[2 + index] ?? 0);
  if (2 + count + length > der.length) throw new Error('The DER value runs past its end');
  return der.subarray(0, 2 + count + length);
}

function commonName(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((part) => part.startsWith('CN='));
  return line ? line.slice(3) : certificate.subject;
}

/** The signer's certificate among those sent: the one whose issuer and serial the signer info names. */
function signerCertificate(certificates: Node[], signerId: Node | undefined): X509Certificate | undefined {
  const [issuer, serial] = children(signerId);
  if (!issuer || !serial) return undefined;
  const wanted = `${derOf(issuer).toString('hex')}:${derOf(serial).toString('hex')}`;
  for (const node of certificates) {
    const tbs = children(children(node)[0]);
    const offset = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    const certSerial = tbs[offset];
    const certIssuer = tbs[offset + 2];
    if (!certSerial || !certIssuer) continue;
    if (`${derOf(certIssuer).toString('hex')}:${derOf(certSerial).toString('hex')}` === wanted)
      return new X509Certificate(derOf(node));
  }
  return undefined;
}

export function verifyPdfSignature(
  bytes: Uint8Array,
  homeAuthority: X509Certificate | undefined,
): SignatureCheck {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(byteRangePattern)];
  if (ranges.length === 0) return invalid('This file has no signature.');
  if (ranges.length > 1)
    return invalid('This file has been signed more than once, which Family Links never does.');
  const range = ranges[0];
  const [start, firstLength, secondStart, secondLength] = (range?.slice(1) ?? []).map(Number);
  if (
    range === undefined ||
    start !== 0 ||
    firstLength === undefined ||
    secondStart === undefined ||
    secondLength === undefined ||
    secondStart <= firstLength ||
    secondStart + secondLength !== pdf.length ||
    pdf[firstLength] !== 0x3c ||
    pdf[secondStart - 1] !== 0x3e
  )
    return invalid(
      'The signature does not cover the whole file: something was added or changed after signing.',
    );

  const hex = text.slice(firstLength + 1, secondStart - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return invalid('The signature is damaged.');
  let contentInfo: Node;
  try {
    contentInfo = asn1.fromDer(toBinary(withoutPadding(Buffer.from(hex, 'hex'))));
  } catch {
    return invalid('The signature is damaged.');
  }
  const [typeNode, wrapped] = children(contentInfo);
  if (oidOf(typeNode) !== oids.signedData) return invalid('The signature is not one Family Links makes.');
  const signedData = children(children(wrapped)[0]);
  const certificates = children(signedData.find((node) => isContextTag(node, 0)));
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) return invalid('The signature is not one Family Links makes.');
  const signerInfo = children(signerInfos[0]);
  const [, signerId, digestAlgorithm, signedAttributes, , signatureNode] = signerInfo;
  if (
    oidOf(children(digestAlgorithm)[0]) !== oids.sha256 ||
    !signedAttributes ||
    !isContextTag(signedAttributes, 0) ||
    signatureNode?.type !== asn1.Type.OCTETSTRING ||
    typeof signatureNode.value !== 'string'
  )
    return invalid('The signature is not one Family Links makes.');

  const attribute = (id: string) =>
    children(signedAttributes).find((node) => oidOf(children(node)[0]) === id);
  const digestNode = children(children(attribute(oids.messageDigest))[1])[0];
  const signedContent = Buffer.concat([
    pdf.subarray(0, firstLength),
    pdf.subarray(secondStart, secondStart + secondLength),
  ]);
  const digest = createHash('sha256').update(signedContent).digest('binary');
  if (typeof digestNode?.value !== 'string' || digestNode.value !== digest)
    return invalid('The file has been changed since it was signed.');

  const signer = signerCertificate(certificates, signerId);
  if (!signer) return invalid('The signature does not carry the signer’s certificate.');
  // The signature covers the attributes encoded as a SET, not as the [0] they travel in (RFC 5652 5.4).
  const attributesAsSet = derOf(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(signedAttributes)),
  );
  const signature = Buffer.from(signatureNode.value, 'binary');
  if (!verify('sha256', attributesAsSet, signer.publicKey, signature))
    return invalid('The signature was not made with the signer’s key.');

  // signing-certificate-v2: SET { SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { certHash, … } } }.
  const essCertIds = children(children(children(children(attribute(oids.signingCertificateV2))[1])[0])[0]);
  const namedHash = children(essCertIds[0])[0];
  if (
    typeof namedHash?.value !== 'string' ||
    namedHash.value !== createHash('sha256').update(signer.raw).digest('binary')
  )
    return invalid('The signature names a different certificate from the one it carries.');

  const signedAt = signingTimeOf(text, range.index, secondStart);
  if (!signedAt) return invalid('The signature has no signing time.');
  const signerName = commonName(signer);
  if (signedAt < new Date(signer.validFrom) || signedAt > new Date(signer.validTo))
    return invalid(`${signerName}’s certificate was not in date when this was signed.`);

  if (!homeAuthority)
    return {
      state: 'unverifiable',
      message:
        'The signature matches the file, but this computer does not know the home’s certificate authority yet, so who signed it cannot be confirmed.',
    };
  if (!signer.checkIssued(homeAuthority) || !signer.verify(homeAuthority.publicKey))
    return invalid('The signer’s certificate was not issued by this home.');
  return { state: 'valid', signerName, signedAt: signedAt.toISOString() };
}
