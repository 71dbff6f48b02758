import { base64ToBytes, bytesToBase64 } from '@shared/bytes';
import { z } from 'zod';
import { caseFileCopySchema, type CaseFileCopy } from '@shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../database';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { RecordCipher } from '../encryption/record-cipher';

/** Where the copy goes in the case-file folder (kept sealed: it holds the case number). */
const caseFilePlaceSchema = z.object({
  caseNumber: z.string().min(1),
  academicYear: z.string().min(1),
  date: z.string().min(1),
  kind: z.string().min(1),
  reference: z.string().min(1),
});
export type CaseFilePlaceRecord = z.infer<typeof caseFilePlaceSchema>;

/** A filed form's signed PDF as stored, sealed, and what became of its case-file copy; its id is the form's. */
const storedPdfSchema = z.object({
  id: z.uuid(),
  pdfBase64: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caseFile: caseFileCopySchema,
  place: caseFilePlaceSchema,
});
type StoredPdf = z.infer<typeof storedPdfSchema>;
export const signedPdfCodec = createSealedCodec('contactFormFiles', storedPdfSchema, ['id']);

export type SignedFile = {
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly caseFile: CaseFileCopy;
  readonly place: CaseFilePlaceRecord;
};

/**
 * The signed PDFs of filed forms: the very bytes that were signed, kept sealed beside the form so a
 * copy can be made again (the case file, an export) without signing anything twice. Whoever asks
 * has been checked by the contact-form repository; nothing here decides who may read a form.
 */
export function signedPdfRepository(db: FamilyLinksDb) {
  const store = sealedStore(db.contactFormFiles, signedPdfCodec);
  return {
    /** The write step that keeps a form's signed PDF, in the same change that files the form. */
    keep: (formId: string, signed: SignedFile) =>
      store.insert({
        id: formId,
        pdfBase64: bytesToBase64(signed.pdf),
        sha256: signed.sha256,
        caseFile: signed.caseFile,
        place: signed.place,
      }),

    /** The write step that records where its case-file copy went, once a later try wrote it. */
    copyWritten: (stored: StoredPdfOf, outcome: CaseFileCopy) =>
      store.put({ ...stored.record, caseFile: outcome }),

    async get(formId: string, cipher: RecordCipher): Promise<StoredPdfOf | undefined> {
      const record = await store.get(formId, cipher);
      return record ? { record, file: fileOf(record) } : undefined;
    },
  };
}

/** A stored PDF, opened: the record as kept, and the file as callers use it. */
export type StoredPdfOf = { readonly record: StoredPdf; readonly file: SignedFile };

function fileOf(stored: StoredPdf): SignedFile {
  return {
    pdf: base64ToBytes(stored.pdfBase64),
    sha256: stored.sha256,
    caseFile: stored.caseFile,
    place: stored.place,
  };
}
