import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createHomeCertificateAuthority, issueStaffCertificate } from '../../../../electron/main/services/signing/certificate-authority';
import { openKey } from '../../../../electron/main/services/signing/pkcs12';
import { signContactFormPdf } from '../../../../electron/main/services/signing/sign-contact-form';

const now = new Date('2026-11-23T09:00:00.000Z');

async function homeWithOneStaff() {
  const ca = await createHomeCertificateAuthority({ homeName: 'Ashgrove', password: 'manager secret', now });
  const leaf = await issueStaffCertificate({ ca: { p12: ca.p12, password: 'manager secret' }, staff: { name: 'Siobhán O’Neill', email: 'siobhan@ashgrove.example.org' }, homeName: 'Ashgrove', password: 'staff secret', now });
  if (!leaf.ok) throw new Error(leaf.error.message);
  return { ca, leaf: leaf.value };
}

describe('the home certificate authority and staff certificates', () => {
  it('makes a CA that may only sign certificates, and a leaf per person that may only sign documents', async () => {
    const { ca, leaf } = await homeWithOneStaff();
    const caCertificate = forge.pki.certificateFromPem(ca.certificatePem);
    const leafCertificate = forge.pki.certificateFromPem(leaf.certificatePem);
    expect(caCertificate.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(caCertificate.getExtension('keyUsage')).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    expect(leafCertificate.getExtension('basicConstraints')).toMatchObject({ cA: false });
    expect(leafCertificate.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(caCertificate.verify(leafCertificate)).toBe(true);
    // Names are UTF-8, so an accented name and a curly apostrophe survive.
    // forge gives a parsed UTF8String back as its UTF-8 bytes.
    const fieldOf = (name: string): string => forge.util.decodeUtf8(String((leafCertificate.subject.getField(name) as { value?: unknown } | null)?.value));
    expect(fieldOf('CN')).toBe('Siobhán O’Neill');
    expect(fieldOf('O')).toBe('Ashgrove');
    expect(leaf.sha256Fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps private keys sealed: the wrong password opens nothing', async () => {
    const { ca, leaf } = await homeWithOneStaff();
    expect(openKey({ p12: leaf.p12, password: 'staff secret' }).ok).toBe(true);
    const wrong = openKey({ p12: leaf.p12, password: 'guess' });
    expect(wrong.ok ? 'opened' : wrong.error.code).toBe('wrong-password');
    const wrongCa = await issueStaffCertificate({ ca: { p12: ca.p12, password: 'guess' }, staff: { name: 'X' }, homeName: 'Ashgrove', password: 'p', now });
    expect(wrongCa.ok ? 'issued' : wrongCa.error.code).toBe('wrong-password');
  });

  it('refuses to issue certificates from a staff member’s key', async () => {
    const { leaf } = await homeWithOneStaff();
    const issued = await issueStaffCertificate({ ca: { p12: leaf.p12, password: 'staff secret' }, staff: { name: 'X' }, homeName: 'Ashgrove', password: 'p', now });
    expect(issued.ok ? 'issued' : issued.error.code).toBe('not-a-ca');
  });

  it('says plainly when the password is wrong at signing time, and when the bytes are not a PDF', async () => {
    const { leaf } = await homeWithOneStaff();
    const wrong = await signContactFormPdf({ pdf: new Uint8Array([1, 2, 3]), p12: leaf.p12, password: 'guess', reason: 'r', location: 'l', signedAt: now });
    expect(wrong.ok ? 'signed' : wrong.error).toMatchObject({ code: 'wrong-password' });
    const notPdf = await signContactFormPdf({ pdf: new Uint8Array([1, 2, 3]), p12: leaf.p12, password: 'staff secret', reason: 'r', location: 'l', signedAt: now });
    expect(notPdf.ok ? 'signed' : notPdf.error.code).toBe('not-a-pdf');
  });

  it('names the signer as written, accents and all', async () => {
    const { leaf } = await homeWithOneStaff();
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const signed = await signContactFormPdf({ pdf, p12: leaf.p12, password: 'staff secret', reason: 'r', location: 'l', signedAt: now });
    expect(signed.ok ? signed.value.signerName : signed.error.code).toBe('Siobhán O’Neill');
  });

  it('refuses garbage as a key file', () => {
    const opened = openKey({ p12: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]), password: 'x' });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('unreadable-key');
  });
});
