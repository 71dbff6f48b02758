import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { fail, ok, type Result } from '../../../../shared/result';
import { cadesDetachedSignature } from './cades-signed-data';
import type { OpenedSigner } from './sealed-key';

/** Room for the CMS in the PDF: the signature, two certificates and the attributes come to ~3 KB. */
const signatureLength = 8192;

/** Gives @signpdf the CAdES structure built in cades-signed-data.ts. */
class CadesSigner extends Signer {
  constructor(private readonly signer: OpenedSigner) {
    super();
  }

  override sign(pdfWithoutSignature: Buffer): Promise<Buffer> {
    const signature = cadesDetachedSignature({
      content: pdfWithoutSignature,
      privateKey: this.signer.privateKey,
      certificates: this.signer.chainDer,
    });
    return Promise.resolve(Buffer.from(signature));
  }
}

export type SignedPdf = { readonly bytes: Uint8Array; readonly sha256: string; readonly signerName: string };
export type SignPdfFailure = 'not-a-pdf';

/**
 * Signs a PDF with the author's own key: a CMS detached signature over the whole file (the byte
 * ranges either side of the signature), sub-filter ETSI.CAdES.detached, with the signing time in
 * the signature dictionary's /M (PAdES baseline B-B). Accepts the unsaved pdf-lib document too, so
 * a freshly laid-out form is not saved and parsed again just to be signed.
 */
export async function signPdf(options: {
  pdf: Uint8Array | PDFDocument;
  /** The signer's key, opened by openSealedKey for this one signature. */
  signer: OpenedSigner;
  reason: string;
  location: string;
  signedAt: Date;
}): Promise<Result<SignedPdf, SignPdfFailure>> {
  const name = options.signer.signerName;
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
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(options.signer));
  const bytes = new Uint8Array(signed);
  return ok({ bytes, sha256: createHash('sha256').update(bytes).digest('hex'), signerName: name });
}
