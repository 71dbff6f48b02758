import { createHash, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { fromBinary, toBinary } from './pkcs12';

/**
 * A CMS SignedData, detached (RFC 5652), shaped for PAdES baseline B-B (ETSI EN 319 142-1):
 * signed attributes are content-type, message-digest and signing-certificate-v2 (RFC 5035), and
 * there is no signing-time attribute, because PAdES puts the time in the signature dictionary's /M.
 * forge's own pkcs7 writer cannot add signing-certificate-v2, so the structure is built here with
 * forge's ASN.1 helpers and signed with node:crypto (native RSA, and the key never leaves a KeyObject).
 */

const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const { asn1 } = forge;
const universal = (type: forge.asn1.Type, isConstructed: boolean, value: forge.asn1.Asn1[] | string) =>
  asn1.create(asn1.Class.UNIVERSAL, type, isConstructed, value);
const sequence = (items: forge.asn1.Asn1[]) => universal(asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => universal(asn1.Type.SET, true, items);
const oid = (value: string) => universal(asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (binary: string) => universal(asn1.Type.OCTETSTRING, false, binary);
const integer = (value: number) => universal(asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nullValue = () => universal(asn1.Type.NULL, false, '');
const explicit = (tag: number, items: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const algorithm = (id: string) => sequence([oid(id), nullValue()]);
const derOf = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();

/** The issuer Name and serialNumber exactly as encoded in the certificate, not re-encoded from fields. */
function issuerAndSerial(certificateDer: Uint8Array): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const certificate = asn1.fromDer(toBinary(certificateDer));
  const tbs = (certificate.value as forge.asn1.Asn1[])[0];
  const fields = (tbs?.value ?? []) as forge.asn1.Asn1[];
  // TBSCertificate starts with an explicit [0] version in v3 certificates.
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('The signing certificate is not a well-formed X.509 certificate');
  return { issuer, serial };
}

/** DER sorts the members of a SET OF by their encodings; verifiers re-encode, so order matters. */
function derSet(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return set(
    items
      .map((item) => ({ item, der: derOf(item) }))
      .sort((a, b) => (a.der < b.der ? -1 : a.der > b.der ? 1 : 0))
      .map(({ item }) => item),
  );
}

export function cadesDetachedSignature(options: {
  content: Uint8Array;
  privateKey: KeyObject;
  /** The signer's certificate first, then the rest of the chain, as DER. */
  certificates: readonly Uint8Array[];
}): Uint8Array {
  const [signerDer] = options.certificates;
  if (!signerDer) throw new Error('A signature needs the signer’s certificate');
  const { issuer, serial } = issuerAndSerial(signerDer);
  const contentDigest = createHash('sha256').update(options.content).digest('binary');
  const certificateHash = createHash('sha256').update(signerDer).digest('binary');

  // ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted) and the issuer and serial.
  const essCertIdV2 = sequence([
    octets(certificateHash),
    sequence([sequence([explicit(4, [issuer])]), serial]),
  ]);
  const attributes = [
    sequence([oid(oids.contentType), set([oid(oids.data)])]),
    sequence([oid(oids.messageDigest), set([octets(contentDigest)])]),
    sequence([oid(oids.signingCertificateV2), set([sequence([sequence([essCertIdV2])])])]),
  ];
  const signedAttributes = derSet(attributes);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are sent in.
  const signature = sign(
    'sha256',
    Buffer.from(derOf(signedAttributes), 'binary'),
    options.privateKey,
  ).toString('binary');

  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serial]),
    algorithm(oids.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes.value),
    algorithm(oids.rsaEncryption),
    octets(signature),
  ]);
  const signedData = sequence([
    integer(1),
    set([algorithm(oids.sha256)]),
    sequence([oid(oids.data)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      options.certificates.map((der) => asn1.fromDer(toBinary(der))),
    ),
    set([signerInfo]),
  ]);
  return fromBinary(derOf(sequence([oid(oids.signedData), explicit(0, [signedData])])));
}
