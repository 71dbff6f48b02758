import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  createHomeCertificateAuthority,
  createKeyPool,
  issueStaffCertificate,
  type RsaKeyPair,
} from '../../../../../electron/main/services/signing/certificate-authority';
import { openKey } from '../../../../../electron/main/services/signing/pkcs12';
import { openSealedKey } from '../../../../../electron/main/services/signing/sealed-key';
import { signPdf } from '../../../../../electron/main/services/signing/sign-pdf';

const now = new Date('2026-11-23T09:00:00.000Z');
const caSecret = 'c'.repeat(64);
const staffSecret = '5'.repeat(64);
const guess = 'a'.repeat(64);

async function homeWithOneStaff() {
  const ca = await createHomeCertificateAuthority({ homeName: 'Ashgrove', secret: caSecret, now });
  const leaf = await issueStaffCertificate({
    ca: { ...ca, secret: caSecret },
    staff: {
      id: '2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22',
      name: 'Siobhán O’Neill',
      email: 'siobhan@ashgrove.example.org',
      roles: ['personalTutor'],
    },
    homeName: 'Ashgrove',
    secret: staffSecret,
    now,
  });
  if (!leaf.ok) throw new Error(leaf.error.message);
  return { ca, leaf: leaf.value };
}

/** Issues a care worker's certificate from `ca`, sealing its key with `secret`. */
const issueAnother = (ca: Parameters<typeof issueStaffCertificate>[0]['ca'], secret: string) =>
  issueStaffCertificate({
    ca,
    staff: { id: '2b0f4b3e-8a51-4d36-9f0c-3c2d8f0a1b22', name: 'X', roles: ['careStaff'] },
    homeName: 'Ashgrove',
    secret,
    now,
  });

describe('the home certificate authority and staff certificates', { timeout: 60_000 }, () => {
  it('makes a CA that may only sign certificates, and a leaf per person that may only sign documents', async () => {
    const { ca, leaf } = await homeWithOneStaff();
    const caCertificate = forge.pki.certificateFromPem(ca.certificatePem);
    const leafCertificate = forge.pki.certificateFromPem(leaf.certificateChainPem[0] ?? '');
    expect(caCertificate.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(caCertificate.getExtension('keyUsage')).toMatchObject({
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: false,
    });
    expect(leafCertificate.getExtension('basicConstraints')).toMatchObject({ cA: false });
    expect(leafCertificate.getExtension('keyUsage')).toMatchObject({
      digitalSignature: true,
      nonRepudiation: true,
      keyCertSign: false,
    });
    expect(caCertificate.verify(leafCertificate)).toBe(true);
    // Names are UTF-8, so an accented name and a curly apostrophe survive.
    // forge gives a parsed UTF8String back as its UTF-8 bytes.
    const fieldOf = (name: string): string =>
      forge.util.decodeUtf8(
        String((leafCertificate.subject.getField(name) as { value?: unknown } | null)?.value),
      );
    expect(fieldOf('CN')).toBe('Siobhán O’Neill');
    expect(fieldOf('O')).toBe('Ashgrove');
    expect(leaf.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(leaf.certificateChainPem[1]).toBe(ca.certificatePem);
  });

  it('keeps private keys sealed: the key is an encrypted PKCS#8, and the wrong secret opens nothing', async () => {
    const { ca, leaf } = await homeWithOneStaff();
    const sealed = { encryptedKey: leaf.encryptedKey, certificateChainPem: leaf.certificateChainPem };
    // An EncryptedPrivateKeyInfo, not a plain PrivateKeyInfo: no INTEGER version right after the outer SEQUENCE.
    const outer = forge.asn1.fromDer(Buffer.from(leaf.encryptedKey).toString('binary'));
    expect(
      forge.asn1.derToOid(
        ((outer.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[])[0]?.value as string,
      ),
    ).toBe('1.2.840.113549.1.5.13');
    expect(openSealedKey({ ...sealed, secret: staffSecret }).ok).toBe(true);
    const wrong = openSealedKey({ ...sealed, secret: guess });
    expect(wrong.ok ? 'opened' : wrong.error.code).toBe('wrong-secret');
    const wrongCa = await issueAnother({ ...ca, secret: guess }, staffSecret);
    expect(wrongCa.ok ? 'issued' : wrongCa.error.code).toBe('wrong-secret');
  });

  it('says a wrong secret is wrong every time, and only a damaged key is unreadable', async () => {
    const { leaf } = await homeWithOneStaff();
    const sealed = { encryptedKey: leaf.encryptedKey, certificateChainPem: leaf.certificateChainPem };
    // Without a check of its own, about one wrong secret in 256 decrypts to valid padding.
    const codes = new Set(
      Array.from({ length: 600 }, (_, index) => {
        const opened = openSealedKey({ ...sealed, secret: `${guess}-${index}` });
        return opened.ok ? 'opened' : opened.error.code;
      }),
    );
    expect([...codes]).toEqual(['wrong-secret']);
    const damaged = openSealedKey({
      ...sealed,
      encryptedKey: leaf.encryptedKey.slice(0, 40),
      secret: staffSecret,
    });
    expect(damaged.ok ? 'opened' : damaged.error.code).toBe('unreadable-key');
  });

  it('refuses to issue certificates from a staff member’s key', async () => {
    const { leaf } = await homeWithOneStaff();
    const issued = await issueAnother(
      {
        encryptedKey: leaf.encryptedKey,
        certificatePem: leaf.certificateChainPem[0] ?? '',
        secret: staffSecret,
      },
      guess,
    );
    expect(issued.ok ? 'issued' : issued.error.code).toBe('not-a-ca');
  });

  it('refuses a key with someone else’s certificate, and garbage as a sealed key', async () => {
    const { ca, leaf } = await homeWithOneStaff();
    const mismatched = openSealedKey({
      encryptedKey: leaf.encryptedKey,
      certificateChainPem: [ca.certificatePem],
      secret: staffSecret,
    });
    expect(mismatched.ok ? 'opened' : mismatched.error.code).toBe('unreadable-key');
    const garbage = openSealedKey({
      encryptedKey: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]),
      certificateChainPem: leaf.certificateChainPem,
      secret: staffSecret,
    });
    expect(garbage.ok ? 'opened' : garbage.error.code).toBe('unreadable-key');
  });

  it('says plainly when the bytes are not a PDF, and names the signer as written, accents and all', async () => {
    const { leaf } = await homeWithOneStaff();
    const signer = openSealedKey({
      encryptedKey: leaf.encryptedKey,
      certificateChainPem: leaf.certificateChainPem,
      secret: staffSecret,
    });
    if (!signer.ok) throw new Error(signer.error.message);
    const notPdf = await signPdf({
      pdf: new Uint8Array([1, 2, 3]),
      signer: signer.value,
      reason: 'r',
      location: 'l',
      signedAt: now,
    });
    expect(notPdf.ok ? 'signed' : notPdf.error.code).toBe('not-a-pdf');
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const signed = await signPdf({ pdf, signer: signer.value, reason: 'r', location: 'l', signedAt: now });
    expect(signed.ok ? signed.value.signerName : signed.error.code).toBe('Siobhán O’Neill');
  });

  it('still reads an organisation’s PKCS#12 only with its password, and refuses garbage as one', () => {
    const opened = openKey({ p12: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]), password: 'x' });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('unreadable-key');
  });

  it('has keys made ahead of need and replaces each one taken', async () => {
    let made = 0;
    const pool = createKeyPool(2, () => {
      made += 1;
      return Promise.resolve({ privateKey: { id: made }, publicKey: { id: made } } as unknown as RsaKeyPair);
    });
    expect(made).toBe(0);
    pool.warmUp();
    expect(made).toBe(2);
    const first = await pool.take();
    expect((first.privateKey as unknown as { id: number }).id).toBe(1);
    expect(made).toBe(3);
  });
});
