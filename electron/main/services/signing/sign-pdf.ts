import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { fail, ok, type Result } from '../../../../shared/result';
import { cadesDetachedSignature } from './cades-signed-data';
import { certificateToDer, openKey, type OpenKeyFailure, type OpenedKey } from './pkcs12';

/** Room for the CMS in the PDF: the signature, two certificates and the attributes come to ~3 KB. */
const signatureLength = 8192;

/** Gives @signpdf the CAdES structure built in cades-signed-data.ts. */
class CadesSigner extends Signer {
  constructor(private readonly key: OpenedKey) {
    super();
  }

  override sign(pdfWithoutSignature: Buffer): Promise<Buffer> {
    const signature = cadesDetachedSignature({
      content: pdfWithoutSignature,
      privateKey: this.key.privateKey,
      certificates: this.key.chain.map(certificateToDer),
    });
    return Promise.resolve(Buffer.from(signature));
  }
}

export type SignedPdf = { readonly bytes: Uint8Array; readonly sha256: string; readonly signerName: string };
export type SignPdfFailure = OpenKeyFailure | 'not-a-pdf';

/**
 * Signs a PDF with the author's own key: a CMS detached signature over the whole file (the byte
 * ranges either side of the signature), sub-filter ETSI.CAdES.detached, with the signing time in
 * the signature dictionary's /M (PAdES baseline B-B). Accepts the unsaved pdf-lib document too, so
 * a freshly laid-out form is not saved and parsed again just to be signed.
 */
export async function signContactFormPdf(options: {
  pdf: Uint8Array | PDFDocument;
  p12: Uint8Array;
  password: string;
  reason: string;
  location: string;
  signedAt: Date;
}): Promise<Result<SignedPdf, SignPdfFailure>> {
  const opened = openKey({ p12: options.p12, password: options.password });
  if (!opened.ok) return opened;
  // forge types getField as any, and hands a parsed UTF8String back as its raw UTF-8 bytes.
  const signerName = (opened.value.certificate.subject.getField('CN') as { value?: unknown } | null)?.value;
  const name = typeof signerName === 'string' ? Buffer.from(signerName, 'binary').toString('utf8') : 'Unknown signer';

  let doc: PDFDocument;
  if (options.pdf instanceof PDFDocument) doc = options.pdf;
  else {
    try {
      doc = await PDFDocument.load(options.pdf, { updateMetadata: false });
    } catch {
      return fail('not-a-pdf', 'The form could not be turned into a PDF to sign. Try filing it again.');
    }
  }
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: options.reason,
    contactInfo: '',
    name,
    location: options.location,
    signingTime: options.signedAt,
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Family Links',
  });
  // Classic cross-reference tables: @signpdf looks for the placeholder in plain bytes.
  const prepared = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(opened.value));
  const bytes = new Uint8Array(signed);
  return ok({ bytes, sha256: createHash('sha256').update(bytes).digest('hex'), signerName: name });
}
