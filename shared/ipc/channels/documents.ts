import { z } from 'zod';
import '../../zod-setup';
import { contactKinds } from '../../schemas/contact-forms';
import { withManagerProof } from '../manager-proof';
import { base64Schema, keyRefusalSchema, sha256HexSchema, signerSchema } from './signing';
import { noRequest } from '../no-request';

/**
 * Signed documents and the case-file folder (DESIGN: signed PDFs). The main
 * process lays out, signs and writes; the renderer keeps the signed bytes (sealed) so a copy that
 * could not be written is retried, and exported later, without signing again.
 *
 * Where files go: the case-file folder is chosen through the system dialog and remembered by the
 * main process (never sent in a request); reports and exports go only where the person picked in a
 * save or folder dialog. A request can therefore name no path at all: only data that becomes a
 * cleaned file name inside a folder the person chose.
 */

const text = (max: number) => z.string().max(max);
const isoInstant = z.iso.datetime();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The contact form's printable content: shared/pdf/contact-form-layout.ts's input without fonts. */
export const contactFormContentSchema = z
  .object({
    homeName: text(200).min(1),
    reference: text(60).min(1),
    kind: z.enum(contactKinds),
    youngPerson: z.object({ initials: text(12).min(1), caseNumber: text(60).min(1) }).strict(),
    contactStartedAt: isoInstant,
    contactEndedAt: isoInstant,
    dueAt: isoInstant,
    filedAt: isoInstant,
    hoursLate: z.number().min(0).max(1_000_000).optional(),
    participants: z.array(text(300)).max(100),
    whatHappened: text(50_000),
    youngPersonViews: text(50_000),
    familyViews: text(50_000),
    voices: z
      .object({
        familyFeeling: text(200).min(1),
        familyFeelingWords: text(10_000),
        viewsUsed: text(50_000),
        toldNext: z
          .object({ on: isoDay, by: text(200).min(1) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    concerns: text(50_000),
    isSafeguardingConcern: z.boolean(),
    actions: z
      .array(
        z.object({ action: text(2_000).min(1), owner: text(200).min(1), dueOn: isoDay.optional() }).strict(),
      )
      .max(100)
      .optional(),
    author: z.object({ name: text(200).min(1), role: text(200) }).strict(),
    /** The signature drawn on screen, PNG bytes in base64. */
    drawnSignaturePng: base64Schema.max(4 * 1024 * 1024).optional(),
    addendumTo: z
      .object({ reference: text(60).min(1), sha256: sha256HexSchema, reason: text(5_000).min(1) })
      .strict()
      .optional(),
    timeZone: text(60).optional(),
  })
  .strict();
export type ContactFormContent = z.infer<typeof contactFormContentSchema>;

/** Where a copy goes inside the case-file folder: `<caseNumber>/<academicYear>/<date>-<kind>-<reference>.pdf`. */
export const caseFilePlaceSchema = z
  .object({
    caseNumber: text(60).min(1),
    /** "2026/27". */
    academicYear: text(20).min(1),
    /** YYYY-MM-DD, the day the form was filed. */
    date: isoDay,
    /** "contact-form", "addendum". */
    kind: text(40).min(1),
    reference: text(60).min(1),
  })
  .strict();
export type CaseFilePlace = z.infer<typeof caseFilePlaceSchema>;

export const caseFileFailureCodes = [
  'folder-not-set',
  'unsafe-name',
  'folder-unavailable',
  'disk-full',
  'no-permission',
  'already-filed',
  'write-failed',
  /** The bytes are not a copy signed by someone this home's authority issued a certificate to. */
  'not-signed',
  /** The signed copy records another place in the case file (or none that can be read) than the one asked. */
  'wrong-place',
  /** Signed before copies recorded their place: kept in the app, for a person to file by hand. */
  'place-not-signed',
] as const;

/** The case-file copy: written (path inside the folder), or queued with why, in plain words. */
export const caseFileOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('written'), relativePath: z.string(), sha256: sha256HexSchema }),
  z.object({ outcome: z.literal('queued'), code: z.enum(caseFileFailureCodes), message: z.string() }),
]);
export type CaseFileOutcome = z.infer<typeof caseFileOutcomeSchema>;

/** Whether the case-file folder can be written now (checked by writing and removing a small file). */
export const caseFileFolderStatusSchema = z.object({
  folder: z.string().nullable(),
  state: z.enum([
    'reachable',
    'not-set',
    /** The folder this computer remembers was changed outside Family Links (or cannot be checked). */
    'untrusted',
    'folder-unavailable',
    'disk-full',
    'no-permission',
    'write-failed',
  ]),
  message: z.string(),
});
export type CaseFileFolderStatus = z.infer<typeof caseFileFolderStatusSchema>;

/** One block of a report section. Tables are simple: a header row and rows of text cells. */
export const reportBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: text(50_000), isQuiet: z.boolean().optional() }).strict(),
  z
    .object({
      kind: z.literal('fields'),
      rows: z
        .array(
          z
            .object({ label: text(120).min(1), value: text(5_000), isWarning: z.boolean().optional() })
            .strict(),
        )
        .max(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('table'),
      columns: z.array(text(120)).min(1).max(8),
      rows: z.array(z.array(text(5_000)).max(8)).max(2_000),
      /** Shown instead of an empty table. */
      emptyText: text(500).optional(),
    })
    .strict()
    .refine((table) => table.rows.every((row) => row.length === table.columns.length), {
      message: 'Every row needs one cell per column.',
    }),
]);

/** A generic signed report: laid out by shared/pdf/report-layout.ts. */
export const reportContentSchema = z
  .object({
    homeName: text(200).min(1),
    title: text(200).min(1),
    subtitle: text(300),
    /** Short reference shown top right on every page, e.g. "Declarations · J. Smith". */
    reference: text(80).min(1),
    /** Shown at the foot of every page, e.g. "Confidential: staff file". */
    footer: text(200),
    sections: z
      .array(
        z
          .object({
            heading: text(200).min(1),
            note: text(1_000).optional(),
            isShaded: z.boolean().optional(),
            blocks: z.array(reportBlockSchema).max(200),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    /** The signer's name and role as printed in the signature block (the certificate names them too). */
    signedBy: z.object({ name: text(200).min(1), role: text(200) }).strict(),
    /** When the report was made and signed. */
    signedAt: isoInstant,
    timeZone: text(60).optional(),
  })
  .strict();
export type ReportContent = z.infer<typeof reportContentSchema>;

/** A file name the person sees and may change in the save dialog; cleaned again in main. */
const fileNameSchema = text(120)
  .min(1)
  .regex(/\.pdf$/i, { message: 'The file name must end in .pdf.' });

const signedPdfSchema = z.object({ bytes: base64Schema, sha256: sha256HexSchema, signerName: z.string() });

/**
 * A signed copy's own signature, checked by the main process against the home CA it trusts:
 * `valid` names the signer from their certificate and the time from the signature; `invalid`
 * says in plain words what is wrong; `unverifiable` when this computer knows no home CA yet.
 */
export const signatureCheckSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('valid'), signerName: z.string(), signedAt: isoInstant }).strict(),
  z.object({ state: z.literal('invalid'), message: z.string() }).strict(),
  z.object({ state: z.literal('unverifiable'), message: z.string() }).strict(),
]);
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

export const documentsChannels = {
  /**
   * Lays out the contact form, signs it with the author's key, and tries to write the copy into
   * the case-file folder. The form is signed even if the copy cannot be written: keep `pdf.bytes`
   * (sealed) and call `case-file:write` later.
   */
  'contact-form:file': {
    request: z
      .object({ form: contactFormContentSchema, signer: signerSchema, caseFile: caseFilePlaceSchema })
      .strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('signed'), pdf: signedPdfSchema, caseFile: caseFileOutcomeSchema }),
      keyRefusalSchema,
    ]),
  },
  /**
   * Retries a signed copy into the case-file folder (same name rules; the same bytes twice is fine).
   * Only a PDF whose signature checks against the home's CA is written, and only at the place its
   * signed content records (`contact-form:file` writes it in before signing).
   */
  'case-file:write': {
    request: z.object({ bytes: base64Schema, place: caseFilePlaceSchema }).strict(),
    reply: caseFileOutcomeSchema,
  },
  /** Opens the folder dialog; a folder picked is remembered as the case-file folder. Manager only. */
  'case-file:choose-folder': {
    request: withManagerProof(z.object({})),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('chosen'), status: caseFileFolderStatusSchema }),
      z.object({ outcome: z.literal('cancelled') }),
    ]),
  },
  /** The remembered folder and whether it can be written to now. */
  'case-file:folder-status': {
    request: noRequest,
    reply: caseFileFolderStatusSchema,
  },
  /**
   * Lays out and signs a report, then asks where to save it (save dialog). Nothing is written if
   * the person cancels. Record the disclosure and audit entries when the outcome is `saved`.
   */
  'documents:sign-report': {
    request: z
      .object({
        report: reportContentSchema,
        signer: signerSchema,
        suggestedFileName: fileNameSchema,
        reason: text(300).min(1),
      })
      .strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('saved'),
        path: z.string(),
        fileName: z.string(),
        sha256: sha256HexSchema,
        signerName: z.string(),
      }),
      z.object({ outcome: z.literal('cancelled') }),
      keyRefusalSchema,
      z.object({
        outcome: z.literal('failed'),
        code: z.enum(['disk-full', 'no-permission', 'folder-unavailable', 'write-failed']),
        message: z.string(),
      }),
    ]),
  },
  /** Bulk export, step 1: the person picks a folder; the reply's `exportId` names it in later calls. */
  'documents:choose-export-folder': {
    request: z.object({ title: text(200).min(1) }).strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('chosen'), exportId: z.uuid(), folder: z.string() }),
      z.object({ outcome: z.literal('cancelled') }),
    ]),
  },
  /**
   * Bulk export, step 2, once per file (the renderer shows progress and may stop between files):
   * writes already-signed bytes as `fileName` in the chosen folder. An existing file with other
   * bytes is never overwritten: the name gets " (2)", " (3)"...
   */
  'documents:export-file': {
    request: z.object({ exportId: z.uuid(), fileName: fileNameSchema, bytes: base64Schema }).strict(),
    reply: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('written'), fileName: z.string(), sha256: sha256HexSchema }),
      z.object({
        outcome: z.literal('failed'),
        code: z.enum([
          'unknown-export',
          'unsafe-name',
          'disk-full',
          'no-permission',
          'folder-unavailable',
          'write-failed',
        ]),
        message: z.string(),
      }),
    ]),
  },
  /** Checks a signed copy's signature (whole file covered, digest, signer's key, home CA, in date). */
  'documents:verify-signature': {
    request: z.object({ bytes: base64Schema }).strict(),
    reply: signatureCheckSchema,
  },
} as const;
