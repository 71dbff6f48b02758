import { exportedFormFilesSchema } from '@shared/schemas/contact-forms';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import type { Session } from '../session';
import type { contactFormReads } from './contact-form-reads';

/**
 * What left the app as files: signed forms exported, and a form's file name the main process
 * refused. Audit entries only; part of the contact forms repository's one object.
 */
export function contactFormExportAudit(
  db: FamilyLinksDb,
  reads: Pick<ReturnType<typeof contactFormReads>, 'get'>,
  clock: () => Date = () => new Date(),
) {
  const records = recordWriter(db, clock);
  return {
    /**
     * After signed forms were exported: one audit entry per file written, naming the form, the
     * file and the SHA-256 of the bytes that left (as the main process measured them), and the
     * disclosure that says why. Only forms this person may read, and only hashes, are recorded.
     */
    async recordExport(
      session: Session,
      disclosureId: string,
      files: unknown,
    ): Promise<Result<number, 'invalid'>> {
      const parsed = exportedFormFilesSchema.safeParse(files);
      if (!parsed.success)
        return fail('invalid', 'The list of exported files could not be read, so it was not recorded.');
      const readable = [];
      for (const file of parsed.data) if (await reads.get(session, file.formId)) readable.push(file);
      if (readable.length === 0) return ok(0);
      await records.write(session, {
        events: readable.map((file) => ({
          action: 'contact-form.exported',
          recordType: 'contactForm',
          recordId: file.formId,
          detail: `${file.fileName}, SHA-256 ${file.sha256}, disclosure ${disclosureId}`,
        })),
      });
      return ok(readable.length);
    },

    /**
     * The main process refused a form's file name (a separator, "..", a colon, NUL or a device
     * name: electron/main/services/case-file.ts). Such a name can only come from data changed
     * outside the app, so the manager should see it in the audit log. `reason` is the main
     * process's, which never repeats the name itself.
     */
    async recordRefusedFileName(session: Session, formId: string, reason: string): Promise<void> {
      await records.write(session, {
        events: [
          { action: 'file.name-refused', recordType: 'contactForm', recordId: formId, detail: reason },
        ],
      });
    },
  };
}
