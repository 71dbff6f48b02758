import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type {
  CaseFileFolderStatus,
  CaseFileOutcome,
  CaseFilePlace,
  ContactFormContent,
  ReportContent,
  SignatureCheck,
} from '../../../shared/ipc/channels/documents';
import type {
  KeyRefusal,
  SealedAuthority,
  SealedCredential,
  SignerInput,
} from '../../../shared/ipc/channels/signing';
import { base64ToBytes, bytesToBase64 } from '../../../shared/bytes';
import { buildContactFormDocument } from '../../../shared/pdf/contact-form-layout';
import { buildReportDocument } from '../../../shared/pdf/report-layout';
import { writeFileAtomically, writeFileExclusively } from './atomic-file';
import { readJsonFile } from './json-file';
import { safeSegment } from '../../../shared/rules/file-name-segments';
import { hostileNameReason, writeCaseFile } from './case-file';
import {
  createHomeCertificateAuthority,
  createKeyPool,
  issueStaffCertificate,
} from './signing/certificate-authority';
import type { StaffRole } from '../../../shared/schemas/staff';
import type { HomeAuthority } from './authority/home-authority';
import { openSealedKey, type OpenedSigner } from './signing/sealed-key';
import { signPdf } from './signing/sign-pdf';
import { markCaseFilePlace, signedPlaceOf } from './signing/signed-place';
import { placeContradictsForm, placeDifference } from '../../../shared/rules/case-file-place';
import { verifyPdfSignature } from './signing/verify-pdf-signature';
import { errorCodeOf, fileFailureKind, type FileFailureKind } from './file-failure-kind';
import type { ClockAndLog } from './clock-and-log';
import type { MainKey } from './main-key';

/**
 * Signed documents for the renderer (shared/ipc/channels/documents.ts and signing.ts): keys, the
 * contact form's case-file copy, signed reports and bulk export. Plain Node: the system dialogs
 * arrive as `DialogPort` (Electron's `dialog` in the app, a stand-in in the harness and tests).
 *
 * Paths never come from the renderer: the case-file folder is remembered here after the person
 * picked it in the folder dialog, reports go where the save dialog said, and exports go into a
 * folder picked for that export (named by a random id the renderer passes back).
 */

export type DialogPort = {
  /** An absolute folder path, or undefined if the person cancelled. */
  chooseFolder(options: { title: string; purpose: 'case-file' | 'export' }): Promise<string | undefined>;
  /** An absolute file path, or undefined if the person cancelled. */
  chooseSavePath(options: { title: string; defaultFileName: string }): Promise<string | undefined>;
};

export type PdfFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array };

export type DocumentsServiceOptions = ClockAndLog & {
  /** Where the case-file folder setting is kept (the app's user-data folder). */
  readonly settingsFolder: string;
  /** resources/fonts: DejaVuSans.ttf and DejaVuSans-Bold.ttf. */
  readonly fontsFolder: string;
  readonly dialogs: DialogPort;
  /** The home CA this computer trusts for manager-only requests: learnt when it is made or first opened. */
  readonly homeAuthority: HomeAuthority;
  /** Tags the case-file folder setting, so a settings file edited on disk cannot send copies elsewhere. */
  readonly mainKey: MainKey;
};

function fileFailure(error: unknown, where: string): { code: FileFailureKind; message: string } {
  const place = where.charAt(0).toLowerCase() + where.slice(1);
  const Place = where.charAt(0).toUpperCase() + where.slice(1);
  const code = fileFailureKind(error);
  switch (code) {
    case 'disk-full':
      return {
        code,
        message: `${Place} is full, so the file could not be saved there. Free some space and try again.`,
      };
    case 'no-permission':
      return {
        code,
        message: `This computer is not allowed to save in ${place}. Choose another folder, or ask for access.`,
      };
    case 'folder-unavailable':
      return {
        code,
        message: `${Place} cannot be reached just now (is the drive connected?). Try again or choose another folder.`,
      };
    case 'write-failed':
      return {
        code,
        message: `The file could not be saved in ${place} (${errorCodeOf(error) || 'unknown error'}). Try again.`,
      };
  }
}

const folderSettingSchema = z.object({ folder: z.string().min(1), tag: z.string().optional() });
const settingsFileName = 'case-file-folder.json';
const folderSettingPurpose = 'case-file-folder';

/**
 * The case-file folder as this computer remembers it. Only a folder the manager chose (its record
 * tagged with the main key) is `set`: a record edited on disk, or one that cannot be checked, is
 * `untrusted`, and no copy goes anywhere until the manager chooses the folder again.
 */
type RememberedFolder =
  | { readonly state: 'not-set' }
  | { readonly state: 'set'; readonly folder: string }
  | { readonly state: 'untrusted'; readonly message: string };

const untrustedFolderMessage =
  'The record of the case-file folder on this computer was changed outside Family Links, so no copies are saved until the manager chooses the folder again in Settings.';

const refusal = (code: KeyRefusal['code'], message: string): KeyRefusal => ({
  outcome: 'refused',
  code,
  message,
});

/** A file name made safe, ending in .pdf. */
export function safePdfFileName(name: string): string | undefined {
  const stem = safeSegment(name.replace(/\.pdf$/i, ''));
  return stem ? `${stem}.pdf` : undefined;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** How far the time printed on a document may be from this process's clock when it is signed. */
export const signingClockTolerance = 10 * 60_000;

const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/**
 * Why a certificate may not sign at `now`, or undefined. Checked here, with this process's clock,
 * because a signature made outside the certificate's validity is one no reader will accept, and a
 * person should hear so before signing, not from the reader later.
 */
export function certificateValidityProblem(
  certificate: { readonly validFrom: string; readonly validTo: string },
  now: Date,
): KeyRefusal | undefined {
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()))
    return refusal(
      'unreadable-key',
      'Your signing certificate’s dates cannot be read, so nothing was signed. Ask the Registered Manager to renew your certificate.',
    );
  if (now.getTime() > notAfter.getTime())
    return refusal(
      'certificate-expired',
      `Your signing certificate expired on ${dayFormat.format(notAfter)}, so nothing was signed. Ask the Registered Manager to renew it: Staff, then “Renew certificate” beside your name.`,
    );
  if (now.getTime() < notBefore.getTime())
    return refusal(
      'certificate-not-yet-valid',
      `Your signing certificate is not valid until ${dayFormat.format(notBefore)}: this computer’s clock may be wrong. Nothing was signed; check the date and time, then try again.`,
    );
  return undefined;
}

/** Refuses a document whose printed signing time is not now by this process's clock. */
function signingTimeProblem(claimed: string, now: Date): KeyRefusal | undefined {
  const at = Date.parse(claimed);
  if (Number.isFinite(at) && Math.abs(at - now.getTime()) <= signingClockTolerance) return undefined;
  return refusal(
    'clock-mismatch',
    'The time on this document is not the time now, so it was not signed (a signature always carries the moment it was made). Check the computer’s date and time, then try again.',
  );
}

export function createDocumentsService(options: DocumentsServiceOptions) {
  const now = options.now ?? (() => new Date());
  const exportFolders = new Map<string, string>();
  const keys = createKeyPool();
  let fonts: Promise<PdfFonts> | undefined;

  function loadFonts(): Promise<PdfFonts> {
    fonts ??= Promise.all([
      readFile(join(options.fontsFolder, 'DejaVuSans.ttf')),
      readFile(join(options.fontsFolder, 'DejaVuSans-Bold.ttf')),
    ]).then(([regular, bold]) => ({
      regular: new Uint8Array(regular),
      bold: new Uint8Array(bold),
    }));
    // A failed read is not cached: the next call tries again.
    fonts.catch(() => {
      fonts = undefined;
    });
    return fonts;
  }

  /** The signer's key, opened for one signature, if its certificate is valid now by this clock. */
  /**
   * The signer's key opened to sign now. The signature's time is this process's clock, never a
   * time the page sent: a document whose own time (`claimed`) is not now is refused unsigned.
   */
  function openSignerNow(
    signer: SignerInput,
    claimed: string,
  ): { ok: true; value: OpenedSigner; signedAt: Date } | { ok: false; refusal: KeyRefusal } {
    const at = now();
    const skewed = signingTimeProblem(claimed, at);
    if (skewed) return { ok: false, refusal: skewed };
    const opened = openSealedKey({
      encryptedKey: base64ToBytes(signer.credential.encryptedKey),
      certificateChainPem: signer.credential.certificateChainPem,
      secret: signer.secret,
    });
    if (!opened.ok) return { ok: false, refusal: refusal(opened.error.code, opened.error.message) };
    const invalid = certificateValidityProblem(opened.value.certificate, at);
    if (invalid) return { ok: false, refusal: invalid };
    return { ok: true, value: opened.value, signedAt: at };
  }

  async function readCaseFileFolder(): Promise<RememberedFolder> {
    let stored;
    try {
      stored = await readJsonFile(join(options.settingsFolder, settingsFileName), folderSettingSchema);
    } catch (error) {
      options.log?.('The case-file folder setting could not be read', error);
      return { state: 'not-set' };
    }
    if (stored.state === 'missing') return { state: 'not-set' };
    // Copies of children's records go wherever this file says, so an edited one is never followed.
    const keyState = await options.mainKey.state();
    if (keyState.state !== 'ready')
      return {
        state: 'untrusted',
        message: `The case-file folder cannot be checked on this computer, so no copies are saved: ${keyState.message}`,
      };
    if (stored.state === 'damaged') return { state: 'untrusted', message: untrustedFolderMessage };
    const { folder, tag } = stored.value;
    if (!isAbsolute(folder) || !(await options.mainKey.verify(folderSettingPurpose, { folder }, tag))) {
      options.log?.('The case-file folder setting does not carry this computer’s tag; it is not used');
      return { state: 'untrusted', message: untrustedFolderMessage };
    }
    return { state: 'set', folder };
  }

  /** Whether `folder` can be written now: a small file is written and removed again. */
  async function folderStatus(remembered: RememberedFolder): Promise<CaseFileFolderStatus> {
    if (remembered.state === 'not-set')
      return { folder: null, state: 'not-set', message: 'No case-file folder is set yet.' };
    if (remembered.state === 'untrusted')
      return { folder: null, state: 'untrusted', message: remembered.message };
    const { folder } = remembered;
    try {
      const info = await stat(folder);
      if (!info.isDirectory())
        return {
          folder,
          state: 'folder-unavailable',
          message: 'This is not a folder any more. Choose the case-file folder again.',
        };
      const probe = join(folder, `.family-links-check-${randomBytes(6).toString('hex')}`);
      await writeFile(probe, 'Family Links checks it can save here; this file is removed at once.');
      await rm(probe, { force: true });
      return { folder, state: 'reachable', message: 'The folder can be reached and written to.' };
    } catch (error) {
      const failure = fileFailure(error, 'The case-file folder');
      return { folder, state: failure.code, message: failure.message };
    }
  }

  async function writeCopy(bytes: Uint8Array, place: CaseFilePlace): Promise<CaseFileOutcome> {
    const remembered = await readCaseFileFolder();
    if (remembered.state === 'untrusted')
      return {
        outcome: 'queued',
        code: 'folder-not-set',
        message: `${remembered.message} The form is signed and safe in the app; the copy will be tried again.`,
      };
    const folder = remembered.state === 'set' ? remembered.folder : '';
    const written = await writeCaseFile({ folder, ...place, bytes });
    if (written.ok)
      return { outcome: 'written', relativePath: written.value.relativePath, sha256: written.value.sha256 };
    return { outcome: 'queued', code: written.error.code, message: written.error.message };
  }

  return {
    /** Starts making signing keys in the background, so first run and new accounts do not wait for them. */
    warmUpKeys(): void {
      keys.warmUp();
    },

    async createAuthority(request: {
      homeName: string;
      secret: string;
    }): Promise<{ authority: SealedAuthority }> {
      const authority = await createHomeCertificateAuthority({
        homeName: request.homeName,
        secret: request.secret,
        now: now(),
        keys,
      });
      // Made here, so this computer knows it as the home CA from the first moment.
      if ((await options.homeAuthority.learn(authority.certificatePem, 'created')) === 'refused')
        options.log?.('This computer already trusts another home CA; the new one is not trusted');
      return {
        authority: { ...authority, encryptedKey: bytesToBase64(authority.encryptedKey) },
      };
    },

    async issueCertificate(request: {
      authority: { encryptedKey: string; certificatePem: string };
      authoritySecret: string;
      staff: { id: string; name: string; email?: string | undefined; roles: readonly StaffRole[] };
      homeName: string;
      secret: string;
    }): Promise<{ outcome: 'issued'; credential: SealedCredential } | KeyRefusal> {
      const issued = await issueStaffCertificate({
        ca: {
          encryptedKey: base64ToBytes(request.authority.encryptedKey),
          certificatePem: request.authority.certificatePem,
          secret: request.authoritySecret,
        },
        staff: request.staff,
        homeName: request.homeName,
        secret: request.secret,
        now: now(),
        keys,
      });
      if (!issued.ok) return refusal(issued.error.code, issued.error.message);
      // Its key just opened with its secret (which only a manager's password unwraps): a computer
      // that knows no home CA yet learns this one; one that knows another refuses to issue.
      if ((await options.homeAuthority.learn(request.authority.certificatePem, 'first-use')) === 'refused')
        return refusal(
          'not-a-ca',
          'This computer trusts a different certificate authority for this home, so no certificate was issued. Contact Family Links support.',
        );
      return {
        outcome: 'issued',
        credential: { ...issued.value, encryptedKey: bytesToBase64(issued.value.encryptedKey) },
      };
    },

    async fileContactForm(request: {
      form: ContactFormContent;
      signer: SignerInput;
      caseFile: CaseFilePlace;
    }) {
      const contradicted = placeContradictsForm(request.form, request.caseFile);
      if (contradicted) {
        options.log?.('Refused to sign a form for a case-file place its content contradicts', {
          part: contradicted,
        });
        return refusal(
          'invalid-content',
          `The form’s ${contradicted} is not the one it was to be filed under, so nothing was signed or filed. Close the form, open it again and file it once more.`,
        );
      }
      const signer = openSignerNow(request.signer, request.form.filedAt);
      if (!signer.ok) return signer.refusal;
      const { drawnSignaturePng, ...form } = request.form;
      let doc;
      try {
        doc = await buildContactFormDocument({
          ...form,
          ...(drawnSignaturePng ? { drawnSignaturePng: base64ToBytes(drawnSignaturePng) } : {}),
          fonts: await loadFonts(),
        });
      } catch (error) {
        options.log?.('The contact form could not be laid out', error);
        return refusal(
          'invalid-content',
          'The form could not be turned into a PDF (is the drawn signature a picture?). Nothing was filed; try again.',
        );
      }
      // Inside what the signature covers: a retry files the copy only where it says it belongs.
      markCaseFilePlace(doc, request.caseFile);
      const title = form.addendumTo
        ? `Addendum to contact form ${form.reference}`
        : `Contact form ${form.reference}`;
      const signed = await signPdf({
        pdf: doc,
        signer: signer.value,
        reason: `${title} filed for the case file`,
        location: form.homeName,
        signedAt: signer.signedAt,
      });
      if (!signed.ok) return refusal('invalid-content', signed.error.message);
      const caseFile = await writeCopy(signed.value.bytes, request.caseFile);
      return {
        outcome: 'signed' as const,
        pdf: {
          bytes: bytesToBase64(signed.value.bytes),
          sha256: signed.value.sha256,
          signerName: signed.value.signerName,
        },
        caseFile,
      };
    },

    /**
     * A retry of a copy signed at filing. The page sends the bytes, so anything could arrive here
     * (from DevTools, with nobody signed in): only a file whose signature checks against the home
     * CA this computer trusts goes into a child's case file, never a forged form or one that takes
     * the name a real copy is waiting for. A computer that knows no home CA yet (it learns it at the
     * next certificate a manager issues) still needs a signature intact over the whole file.
     */
    async writeCaseFileCopy(request: { bytes: string; place: CaseFilePlace }): Promise<CaseFileOutcome> {
      const bytes = base64ToBytes(request.bytes);
      const authority = await options.homeAuthority.pinned();
      if (authority.state === 'unverifiable')
        return {
          outcome: 'queued',
          code: 'not-signed',
          message: `The copy’s signature cannot be checked on this computer, so it was not saved in the case file: ${authority.message} The form is signed and safe in the app.`,
        };
      const check = verifyPdfSignature(
        bytes,
        authority.state === 'pinned' ? authority.certificate : undefined,
      );
      const isSigned =
        check.state === 'valid' || (authority.state === 'none' && check.state === 'unverifiable');
      if (!isSigned) {
        options.log?.('Refused a case-file copy whose signature does not check', { reason: check.message });
        return {
          outcome: 'queued',
          code: 'not-signed',
          message: `This file is not a contact form signed in Family Links by someone at this home (${check.message}), so it was not saved in the case file.`,
        };
      }
      const signed = signedPlaceOf(bytes);
      if (signed.state === 'absent')
        // Signed before copies recorded their place: nothing in the signed bytes says whose case
        // file it belongs to, so the page's word alone never files it. It stays in the app.
        return {
          outcome: 'queued',
          code: 'place-not-signed',
          message:
            'This copy was signed before Family Links recorded in each copy which case file it belongs to, so it cannot be checked and was not saved in the case file. The form is filed, signed and safe in the app: open it, choose “Save a copy…” and put the copy in the young person’s case-file folder yourself.',
        };
      if (signed.state === 'unreadable') {
        options.log?.('Refused a case-file copy whose recorded place cannot be read');
        return {
          outcome: 'queued',
          code: 'wrong-place',
          message:
            'This signed copy does not say clearly which case file it belongs to, so it was not saved in the case file. Nothing was written.',
        };
      }
      const differs = placeDifference(signed.place, request.place);
      if (differs) {
        options.log?.('Refused a case-file copy sent for another place than it was signed for', {
          part: differs,
        });
        return {
          outcome: 'queued',
          code: 'wrong-place',
          message: `This signed copy was not saved in the case file: its ${differs} is not the one it was signed for, and a form is only ever filed where it was signed for. Nothing was written.`,
        };
      }
      return writeCopy(bytes, signed.place);
    },

    async chooseCaseFileFolder(): Promise<
      { outcome: 'chosen'; status: CaseFileFolderStatus } | { outcome: 'cancelled' }
    > {
      const chosen = await options.dialogs.chooseFolder({
        title: 'Choose the case-file folder',
        purpose: 'case-file',
      });
      if (!chosen || !isAbsolute(chosen)) return { outcome: 'cancelled' };
      const folder = resolve(chosen);
      const tag = await options.mainKey.mac(folderSettingPurpose, { folder });
      // Without the main key the choice is still written, and reads back as not to be trusted (and says why).
      await writeFileAtomically(
        join(options.settingsFolder, settingsFileName),
        JSON.stringify({ folder, ...(tag ? { tag } : {}) }),
      );
      return { outcome: 'chosen', status: await folderStatus(await readCaseFileFolder()) };
    },

    async caseFileFolderStatus(): Promise<CaseFileFolderStatus> {
      return folderStatus(await readCaseFileFolder());
    },

    /** Checked against the home CA this computer pinned, never one the page names. */
    async verifySignature(request: { bytes: string }): Promise<SignatureCheck> {
      const authority = await options.homeAuthority.pinned();
      if (authority.state === 'unverifiable') return { state: 'unverifiable', message: authority.message };
      return verifyPdfSignature(
        base64ToBytes(request.bytes),
        authority.state === 'pinned' ? authority.certificate : undefined,
      );
    },

    async signReport(request: {
      report: ReportContent;
      signer: SignerInput;
      suggestedFileName: string;
      reason: string;
    }) {
      const signer = openSignerNow(request.signer, request.report.signedAt);
      if (!signer.ok) return signer.refusal;
      const doc = await buildReportDocument({ ...request.report, fonts: await loadFonts() });
      const signed = await signPdf({
        pdf: doc,
        signer: signer.value,
        reason: request.reason,
        location: request.report.homeName,
        signedAt: signer.signedAt,
      });
      if (!signed.ok) return refusal('invalid-content', signed.error.message);
      const chosen = await options.dialogs.chooseSavePath({
        title: `Save ${request.report.title}`,
        defaultFileName: safePdfFileName(request.suggestedFileName) ?? 'report.pdf',
      });
      if (!chosen || !isAbsolute(chosen)) return { outcome: 'cancelled' as const };
      const path = extname(chosen).toLowerCase() === '.pdf' ? resolve(chosen) : `${resolve(chosen)}.pdf`;
      try {
        await writeFileAtomically(path, signed.value.bytes);
      } catch (error) {
        const failure = fileFailure(error, `the folder ${dirname(path)}`);
        return { outcome: 'failed' as const, ...failure };
      }
      return {
        outcome: 'saved' as const,
        path,
        fileName: basename(path),
        sha256: signed.value.sha256,
        signerName: signed.value.signerName,
      };
    },

    async chooseExportFolder(request: {
      title: string;
    }): Promise<{ outcome: 'chosen'; exportId: string; folder: string } | { outcome: 'cancelled' }> {
      const chosen = await options.dialogs.chooseFolder({ title: request.title, purpose: 'export' });
      if (!chosen || !isAbsolute(chosen)) return { outcome: 'cancelled' };
      const exportId = randomUUID();
      exportFolders.set(exportId, resolve(chosen));
      return { outcome: 'chosen', exportId, folder: resolve(chosen) };
    },

    async exportFile(request: { exportId: string; fileName: string; bytes: string }) {
      const folder = exportFolders.get(request.exportId);
      if (!folder)
        return {
          outcome: 'failed' as const,
          code: 'unknown-export' as const,
          message: 'Choose the folder to export to again.',
        };
      const hostile = hostileNameReason(request.fileName.replace(/\.pdf$/i, ''));
      const fileName = hostile ? undefined : safePdfFileName(request.fileName);
      if (!fileName) {
        options.log?.('Refused an export file name', { reason: hostile ?? 'nothing usable' });
        return {
          outcome: 'failed' as const,
          code: 'unsafe-name' as const,
          message: hostile
            ? `That file name cannot be used: ${hostile}. Nothing was written.`
            : 'That file name has nothing that can be used on disk. Nothing was written.',
        };
      }
      const bytes = base64ToBytes(request.bytes);
      const sha256 = sha256Of(bytes);
      const stem = fileName.slice(0, -4);
      try {
        const info = await stat(folder);
        if (!info.isDirectory())
          return {
            outcome: 'failed' as const,
            code: 'folder-unavailable' as const,
            message: 'The export folder is not a folder any more. Choose it again.',
          };
        // Never overwrite: each name is taken only if free (in one step, so two exports racing for
        // it cannot both win); the same bytes already there count as written; other bytes get a new name.
        for (let attempt = 1; attempt <= 100; attempt += 1) {
          const name = attempt === 1 ? fileName : `${stem}-${attempt}.pdf`;
          const path = join(folder, name);
          if ((await writeFileExclusively(path, bytes)) === 'created')
            return { outcome: 'written' as const, fileName: name, sha256 };
          const existing = await readFile(path).catch(() => undefined);
          if (existing && sha256Of(existing) === sha256)
            return { outcome: 'written' as const, fileName: name, sha256 };
        }
        return {
          outcome: 'failed' as const,
          code: 'write-failed' as const,
          message: 'Too many files with this name are already in the folder.',
        };
      } catch (error) {
        return { outcome: 'failed' as const, ...fileFailure(error, 'the export folder') };
      }
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
