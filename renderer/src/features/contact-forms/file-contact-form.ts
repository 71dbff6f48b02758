import { base64ToBytes } from '@shared/bytes';
import type { SignerInput } from '@shared/ipc/channels/signing';
import { contactFormCopy } from '@shared/rules/contact-form-filing';
import type { CaseFileCopy, ContactForm } from '@shared/schemas/contact-forms';
import { fail, ok, type Result } from '@shared/result';
import { windowApi } from '../../platform/window-api';
import type { FamilyLinksDb } from '../../db/database';
import type { ContactFormRepository } from '../../db/repositories/contact-form-repository';
import type { Session } from '../../db/session';
import { panAlertsForChange, type AlertNotQueued } from '../../db/repositories/pan-alerts-with-change';
import { recordWriter } from '../../db/record-writer';
import { filingNamesFor } from './filing-names';
import { caseFilePlaceOf } from './case-file-place';

export type FilingOutcome = { readonly form: ContactForm; readonly caseFile: CaseFileCopy };

/**
 * Files a saved draft: lays it out and signs it in the main process with the author's own key,
 * tries the case-file copy, then stores the form as filed with its signed PDF. If the copy could
 * not be written the form is still filed (it is signed and kept) and the copy waits for a retry.
 *
 * The PT and the PAN group are alerted (DESIGN rule 2), and for a safeguarding concern those who
 * hear of one, in the same transaction as the filing: both, or neither. The alerts are made ready
 * before anything is signed, so one that cannot be leaves nothing signed or copied either.
 * `summary` goes into the email: no names, no content of the form (DESIGN rule 9).
 */
export async function fileContactForm(
  db: FamilyLinksDb,
  repository: ContactFormRepository,
  session: Session,
  form: ContactForm,
  signature: { readonly pngBase64: string; readonly signer: SignerInput },
  summary: string,
  now: Date = new Date(),
): Promise<Result<FilingOutcome, 'not-ready' | 'no-connection' | 'refused' | 'not-filed' | AlertNotQueued>> {
  const ready = repository.readyToFile(form);
  if (!ready.ok) return ready;
  const api = windowApi();
  if (!api)
    return fail(
      'no-connection',
      'This window is not connected to Family Links’ background service, so it cannot sign. Close it and open Family Links again.',
    );
  const names = await filingNamesFor(db, session, form);
  if (!names)
    return fail('not-filed', 'The young person’s record could not be found, so the form was not filed.');
  const alert = { youngPersonId: form.youngPersonId, reference: form.reference, summary };
  const alerts = await panAlertsForChange(db, session, [
    { ...alert, event: 'formFiled', contactFormId: form.id },
    ...(form.isSafeguardingConcern ? [{ ...alert, event: 'safeguardingConcern' as const }] : []),
  ]);
  if (!alerts.ok) return alerts;
  const original =
    form.amendsFormId && form.amendsSha256 ? await repository.get(session, form.amendsFormId) : undefined;
  const filedAt = now.toISOString();
  const copy = contactFormCopy(
    form,
    names,
    filedAt,
    original && form.amendsSha256 ? { reference: original.reference, sha256: form.amendsSha256 } : undefined,
  );
  const place = caseFilePlaceOf(form, names.youngPerson.caseNumber, filedAt, names.timeZone);
  const reply = await api['contact-form:file']({
    form: { ...copy, drawnSignaturePng: signature.pngBase64 },
    signer: signature.signer,
    caseFile: place,
  });
  if (!reply.ok) return fail('not-filed', `The form was not filed: ${reply.error.message}`);
  if (reply.value.outcome === 'refused') return fail('refused', reply.value.message);
  const caseFile: CaseFileCopy =
    reply.value.caseFile.outcome === 'written'
      ? { state: 'written', relativePath: reply.value.caseFile.relativePath, writtenAt: filedAt }
      : {
          state: 'queued',
          code: reply.value.caseFile.code,
          message: reply.value.caseFile.message,
          queuedAt: filedAt,
        };
  const filed = await repository.file(
    session,
    form.id,
    {
      pdf: base64ToBytes(reply.value.pdf.bytes),
      sha256: reply.value.pdf.sha256,
      place,
      filedAt,
      caseFile,
    },
    alerts.value,
  );
  if (!filed.ok) {
    const message =
      caseFile.state === 'written'
        ? `${filed.error.message} ${await strayCopyNote(db, session, form, caseFile.relativePath)}`
        : filed.error.message;
    return filed.error.code === 'alert-not-queued'
      ? fail('alert-not-queued', message)
      : fail('not-filed', message);
  }
  return ok({ form: filed.value, caseFile });
}

/**
 * The main process signs and copies to the case-file folder in one step, before the form can be
 * stored as filed; when storing it then fails, the form stays a draft but its signed copy is
 * already in the folder. That copy must not pass for a filed record (DESIGN: the case file holds
 * what was filed): the person is told where it is and to delete it before filing again, and the
 * audit log notes a copy left behind (the form's id only: the path names the young person's case).
 */
async function strayCopyNote(
  db: FamilyLinksDb,
  session: Session,
  form: ContactForm,
  relativePath: string,
): Promise<string> {
  await recordWriter(db)
    .write(session, {
      events: [
        {
          action: 'case-file.copy-not-filed',
          recordType: 'contactForm',
          recordId: form.id,
          detail: 'signed copy written to the case-file folder, but the form is still a draft',
        },
      ],
    })
    .catch((error: unknown) => console.error('The copy left in the case-file folder was not audited', error));
  return `A signed copy was already put in the case-file folder as ${relativePath}; it is not a filed record. Delete it from the folder before you file this form again.`;
}
