import { nextCaseFileAttemptAt } from '@shared/rules/case-file-retry';
import type { CaseFileCopy, ContactForm } from '@shared/schemas/contact-forms';
import type { CaseFileQueueRow, FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import { signedPdfRepository, type SignedFile } from './signed-pdf-repository';

/**
 * Signed copies for the case-file folder (a network share, written by the main process). A copy
 * that could not be written when its form was filed waits in a queue and is tried again with
 * backoff (shared/rules/case-file-retry.ts) until it is written; the form itself is filed and
 * safe in the app meanwhile. The queue holds ids, times and the last error only: nothing personal.
 */
export function caseFileCopyRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const queue = plainStore(db.caseFileQueue);
  const pdfs = signedPdfRepository(db);
  const records = recordWriter(db, clock);
  return {
    /** The write step that queues a copy the folder refused at filing, in the change that files the form. */
    queueAtFiling: (formId: string, copy: Extract<CaseFileCopy, { state: 'queued' }>) =>
      queue.put({
        id: formId,
        attempts: 1,
        lastError: copy.message,
        queuedAt: copy.queuedAt,
        nextAttemptAt: nextCaseFileAttemptAt(1, new Date(copy.queuedAt)),
      }),

    /** Copies waiting for the case-file folder, oldest first (anyone signed in may see and retry them). */
    async waiting(): Promise<CaseFileQueueRow[]> {
      return (await db.caseFileQueue.toArray()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },

    /** Ids of the copies whose next try has come at `now`. */
    async due(now: Date): Promise<string[]> {
      return (await db.caseFileQueue.where('nextAttemptAt').belowOrEqual(now.toISOString()).toArray()).map(
        (row) => row.id,
      );
    },

    /**
     * The signed bytes and where they go, for a retry: read with the data key, so any signed-in
     * person's session can retry any copy (the bytes go only to the case-file folder).
     */
    async toRetry(
      session: Session,
      id: string,
    ): Promise<{ form: ContactForm; file: SignedFile } | undefined> {
      const [row, stored] = await Promise.all([db.contactForms.get(id), pdfs.get(id, session.cipher)]);
      if (!row || !stored) return undefined;
      return { form: await contactFormCodec.decode(row, session.cipher), file: stored.file };
    },

    /** A retry's outcome: written (the copy leaves the queue) or still failing (tried again later). */
    async recordRetry(session: Session, id: string, outcome: CaseFileCopy): Promise<void> {
      const [stored, queued] = await Promise.all([pdfs.get(id, session.cipher), db.caseFileQueue.get(id)]);
      if (!stored || !queued) return;
      const attempts = queued.attempts + 1;
      if (outcome.state === 'written') {
        await records.write(session, {
          events: [
            {
              action: 'case-file.written',
              recordType: 'contactForm',
              recordId: id,
              detail: `sha256 ${stored.file.sha256} after ${attempts} tries`,
            },
          ],
          writes: [pdfs.copyWritten(stored, outcome), queue.delete(id)],
        });
        return;
      }
      const now = clock();
      await records.write(session, {
        at: now,
        events: [
          { action: 'case-file.retry-failed', recordType: 'contactForm', recordId: id, detail: outcome.code },
        ],
        writes: [
          queue.put({
            ...queued,
            attempts,
            lastError: outcome.message,
            nextAttemptAt: nextCaseFileAttemptAt(attempts, now),
          }),
        ],
      });
    },

    /** The manager chose a case-file folder; `detail` is the folder and whether it can be reached. */
    async recordFolderChange(session: Session, detail: string): Promise<void> {
      await records.write(session, {
        events: [
          {
            action: 'settings.case-file-folder-changed',
            recordType: 'settings',
            recordId: 'case-file-folder',
            detail,
          },
        ],
      });
    },
  };
}
export type CaseFileCopyRepository = ReturnType<typeof caseFileCopyRepository>;
