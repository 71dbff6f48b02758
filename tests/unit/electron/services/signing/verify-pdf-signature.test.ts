import { X509Certificate } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '../../../../../electron/main/services/signing/verify-pdf-signature';
import { makeSignedSample, type SignedSample } from '../../../../../scripts/sample-contact-form';

/**
 * The filed-form view's "Signature valid" comes from the signature itself. Each way a copy can be
 * wrong, as someone with the file on disk might make it, is named in plain words.
 */

let sample: SignedSample;
let homeCa: X509Certificate;
let otherHomeCa: X509Certificate;

beforeAll(async () => {
  sample = await makeSignedSample();
  homeCa = new X509Certificate(sample.caCertificatePem);
  otherHomeCa = new X509Certificate(
    (await makeSignedSample({ homeNameForCa: 'Another home' })).caCertificatePem,
  );
}, 60_000);

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('verifyPdfSignature', () => {
  it('finds a copy signed by this home valid, naming the signer and the time from the signature', () => {
    expect(verifyPdfSignature(sample.bytes, homeCa)).toEqual({
      state: 'valid',
      signerName: sample.input.author.name,
      signedAt: new Date(sample.input.filedAt).toISOString(),
    });
  });

  it('cannot confirm the signer when this computer knows no home CA', () => {
    expect(verifyPdfSignature(sample.bytes, undefined).state).toBe('unverifiable');
  });

  it('refuses a copy signed under another home’s authority', () => {
    expect(verifyPdfSignature(sample.bytes, otherHomeCa)).toEqual({
      state: 'invalid',
      message: 'The signer’s certificate was not issued by this home.',
    });
  });

  it('refuses a copy whose signed bytes were changed (the reason, the signing time, the name)', () => {
    const text = latin1(sample.bytes);
    const edits = [
      text.replace('/Reason (Contact form', '/Reason (Contact FORM'),
      text.replace(/\/M \(D:(\d{4})/, (_, year: string) => `/M (D:${Number(year) - 1}`),
      text.replace(/\/Name \(\w/, '/Name (X'),
    ];
    for (const edited of edits.filter((candidate) => candidate !== text)) {
      expect(verifyPdfSignature(fromLatin1(edited), homeCa)).toEqual({
        state: 'invalid',
        message: 'The file has been changed since it was signed.',
      });
    }
    expect(edits.filter((candidate) => candidate !== text)).toHaveLength(3);
  });

  it('refuses a copy with anything added after signing (an incremental update)', async () => {
    const appended = new Uint8Array([...sample.bytes, ...fromLatin1('\n% added later\n')]);
    expect(verifyPdfSignature(appended, homeCa).state).toBe('invalid');
    const resaved = await (await PDFDocument.load(sample.bytes)).save({ useObjectStreams: false });
    expect(verifyPdfSignature(resaved, homeCa).state).toBe('invalid');
  });

  it('refuses a damaged or forged signature value', () => {
    const text = latin1(sample.bytes);
    const start = text.indexOf('/Contents <') + '/Contents <'.length;
    const end = text.indexOf('>', start);
    const hex = text.slice(start, end).replace(/(00)+$/, '');
    // The RSA signature is the last value in the CMS: flip a digit in it.
    const at = start + hex.length - 10;
    const flipped = `${text.slice(0, at)}${text[at] === '0' ? '1' : '0'}${text.slice(at + 1)}`;
    expect(verifyPdfSignature(fromLatin1(flipped), homeCa)).toEqual({
      state: 'invalid',
      message: 'The signature was not made with the signer’s key.',
    });
    const garbage = `${text.slice(0, start)}${'zz'.padEnd(end - start, 'z')}${text.slice(end)}`;
    expect(verifyPdfSignature(fromLatin1(garbage), homeCa)).toEqual({
      state: 'invalid',
      message: 'The signature is damaged.',
    });
  });

  it('refuses an unsigned file and one signed twice', async () => {
    const unsigned = await (await PDFDocument.create()).save();
    expect(verifyPdfSignature(unsigned, homeCa)).toEqual({
      state: 'invalid',
      message: 'This file has no signature.',
    });
    const text = latin1(sample.bytes);
    const twice = text.replace('%%EOF', '/ByteRange [0 1 2 3]\n%%EOF');
    expect(verifyPdfSignature(fromLatin1(twice), homeCa).state).toBe('invalid');
  });

  it('refuses a signature made after the signer’s certificate ran out', async () => {
    const late = await makeSignedSample({ signedAt: new Date('2040-01-01T09:00:00Z') });
    const result = verifyPdfSignature(late.bytes, new X509Certificate(late.caCertificatePem));
    expect(result).toEqual({
      state: 'invalid',
      message: `${late.input.author.name}’s certificate was not in date when this was signed.`,
    });
  }, 30_000);
});
