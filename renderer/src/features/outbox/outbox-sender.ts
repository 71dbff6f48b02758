import { bytesToBase64 } from '@shared/bytes';
import type { MailFailure, MailMessage, MailSendOutcome, OutboxMessage } from '@shared/schemas/mail';
import type { FamilyLinksDb } from '../../db/database';
import { contactFormRepository } from '../../db/repositories/contact-form-repository';
import { outboxRepository } from '../../db/repositories/outbox-repository';
import { onOutboxQueued } from '../../db/repositories/outbox-sending';
import type { Session } from '../../db/session';
import type { MailPort } from '../../platform/mail-port';

/** Where a filed form's signed PDF comes from: the contact-form repository unless a test says otherwise. */
export type SignedPdfSource = (
  session: Session,
  contactFormId: string,
  reference: string,
) => Promise<MailMessage['attachment'] | undefined>;

export type SendRun = {
  readonly sent: number;
  readonly retryLater: number;
  readonly failed: number;
  readonly notConfigured: boolean;
};

export const defaultSendIntervalMs = 30_000;

/**
 * Sends what is waiting in the outbox, one message at a time, while someone is signed in (the
 * messages are sealed with the home's key). Runs when started (which also releases messages a
 * closed app left "sending"), every 30 seconds, and as soon as something is queued. Without mail
 * settings it sends nothing: the messages wait, to be opened in a mail client from the Outbox.
 */
export function outboxSender(
  db: FamilyLinksDb,
  session: Session,
  port: MailPort,
  options: { clock?: () => Date; signedPdf?: SignedPdfSource } = {},
) {
  const outbox = outboxRepository(db, options.clock);
  const signedPdf = options.signedPdf ?? contactFormPdf(db);
  let running: Promise<SendRun> | undefined;
  let again = false;

  async function attachmentFor(
    message: OutboxMessage,
    attach: boolean,
  ): Promise<{ ok: true; attachment?: MailMessage['attachment'] } | { ok: false; failure: MailFailure }> {
    if (!attach || !message.attachment) return { ok: true };
    const attachment = await signedPdf(session, message.attachment.contactFormId, message.reference);
    if (!attachment) {
      return {
        ok: false,
        failure: {
          code: 'attachment-missing',
          message:
            'The signed PDF to attach could not be opened by the person signed in now. It will be tried again.',
          isWorthRetrying: true,
        },
      };
    }
    return { ok: true, attachment };
  }

  async function sendOne(id: string, attach: boolean): Promise<'sent' | 'queued' | 'failed' | 'skipped'> {
    const message = await outbox.claim(session, id);
    if (!message) return 'skipped';
    const attachment = await attachmentFor(message, attach);
    let outcome: MailSendOutcome;
    if (!attachment.ok) {
      outcome = { outcome: 'failed', failure: attachment.failure };
    } else {
      try {
        outcome = await port.send({
          outboxId: message.id,
          to: { name: message.recipient.name, email: message.recipient.email },
          subject: message.subject,
          text: message.body,
          ...(attachment.attachment ? { attachment: attachment.attachment } : {}),
        });
      } catch (error) {
        // The bridge itself failed (not the server): keep the message and try later.
        console.error('Sending through the main process failed', error);
        outcome = {
          outcome: 'failed',
          failure: {
            code: 'unknown',
            message: 'Family Links could not reach its mail service. It will try again.',
            isWorthRetrying: true,
          },
        };
      }
    }
    if (outcome.outcome === 'sent') {
      const recorded = await outbox.recordSent(session, id, outcome.serverMessageId);
      return recorded.ok ? 'sent' : 'skipped';
    }
    const recorded = await outbox.recordFailure(session, id, outcome.failure);
    return recorded.ok ? recorded.value : 'skipped';
  }

  async function runOnce(): Promise<SendRun> {
    const status = await port.status();
    if (!status.isConfigured) return { sent: 0, retryLater: 0, failed: 0, notConfigured: true };
    const counts = { sent: 0, retryLater: 0, failed: 0 };
    for (const id of await outbox.dueIds()) {
      const result = await sendOne(id, status.attachSignedPdf);
      if (result === 'sent') counts.sent += 1;
      else if (result === 'queued') counts.retryLater += 1;
      else if (result === 'failed') counts.failed += 1;
    }
    return { ...counts, notConfigured: false };
  }

  /** One run at a time; a request during a run makes one more run afterwards. */
  function run(): Promise<SendRun> {
    if (running) {
      again = true;
      return running;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void run().catch((error: unknown) => console.error('The outbox could not send', error));
      }
    });
    return running;
  }

  return {
    runOnce: run,

    /** Starts sending in the background; returns a function that stops it. */
    start(intervalMs = defaultSendIntervalMs): () => void {
      const kick = () => {
        run().catch((error: unknown) => console.error('The outbox could not send', error));
      };
      void outbox
        .releaseStuck(session)
        .catch((error: unknown) => console.error('The outbox could not release stuck messages', error))
        .finally(kick);
      const timer = setInterval(kick, intervalMs);
      const unsubscribe = onOutboxQueued(kick);
      return () => {
        clearInterval(timer);
        unsubscribe();
      };
    },
  };
}

/** A filed contact form's signed PDF, read through its repository (need to know applies). */
export function contactFormPdf(db: FamilyLinksDb): SignedPdfSource {
  return async (session, contactFormId, reference) => {
    const file = await contactFormRepository(db).signedFile(session, contactFormId);
    if (!file) return undefined;
    return {
      filename: `${reference.replace(/[^A-Za-z0-9._-]/g, '-')}.pdf`,
      contentBase64: bytesToBase64(file.pdf),
    };
  };
}
