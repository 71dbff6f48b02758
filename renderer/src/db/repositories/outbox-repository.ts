import {
  outboxMessageSchema,
  outboxStateLabels,
  type MailFailure,
  type OutboxMessage,
  type OutboxState,
} from '@shared/schemas/mail';
import {
  panAlertRequestSchema,
  panEventLabels,
  panTopicLabels,
  type PanAlertRequest,
} from '@shared/schemas/pan';
import { disclosureSchema, type Disclosure } from '@shared/schemas/disclosures';
import { staffRoleLabels } from '@shared/schemas/staff';
import { can } from '@shared/rules/access';
import {
  panRecipients,
  panTopicOf,
  type PanRecipient,
  type PanStaffAccount,
} from '@shared/rules/pan-recipients';
import { alertText, initialsOf } from '@shared/rules/alert-text';
import { afterFailedAttempt, isDue, stuckSendingAfterMinutes } from '@shared/rules/outbox-retry';
import { fail, ok, type Failure, type Result } from '@shared/result';
import type { DisclosurePlainKey, FamilyLinksDb, OutboxPlainKey } from '../database';
import type { SealedRow } from '../sealed-codec';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../../security/session';
import { auditLog, type AuditEventInput } from './audit-log-repository';
import { disclosureCodec } from './disclosure-repository';
import { panGroupRepository } from './pan-group-repository';
import { staffRepository } from './staff-repository';
import { youngPersonCodec } from './young-people-repository';
import { Refusal } from './refusal';

// Who an alert goes to and what it says are sealed; its state, times and the server's answer are
// plain so the sender and the badge work from indexes without opening anything.
export const outboxCodec = createSealedCodec('outbox', outboxMessageSchema, [
  'id',
  'state',
  'youngPersonId',
  'event',
  'createdAt',
  'createdById',
  'attempts',
  'nextAttemptAt',
  'sendingSince',
  'lastError',
  'lastErrorCode',
  'sentAt',
  'sentVia',
  'serverMessageId',
  'disclosureId',
] satisfies OutboxPlainKey[]);

export type OutboxError = 'forbidden' | 'invalid' | 'not-found' | 'wrong-state';

export type QueuedAlerts = {
  readonly messages: readonly OutboxMessage[];
  /** Members who asked but could not be told (an account switched off or removed). */
  readonly skippedMembers: number;
  readonly hasNoPersonalTutor: boolean;
};

/** Settings key: ids of overdue contact forms the PAN group has already been told about. */
const overdueAlertedKey = 'panOverdueAlerted';

/** Tells a running sender that there is something new to send (set by the sender while it runs). */
const listeners = new Set<() => void>();
export function onOutboxQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For a repository that wrote a prepared alert in its own transaction: tell the sender, after it commits. */
export function notifyOutboxQueued(): void {
  for (const listener of listeners) listener();
}

/** An alert ready to write: its messages sealed, their disclosure entries sealed, and the audit entries. */
export type PreparedAlert = QueuedAlerts & {
  readonly messageRows: readonly OutboxRow[];
  readonly disclosureRows: readonly DisclosureRow[];
  readonly events: readonly AuditEventInput[];
};

/**
 * Writes a prepared alert. Inside the caller's transaction (an `auditLog.write` whose tables
 * include `db.outbox` and `db.disclosures`, with `alert.events` among its events).
 */
export async function writePreparedAlert(db: FamilyLinksDb, alert: PreparedAlert): Promise<void> {
  if (alert.messageRows.length === 0) return;
  await db.outbox.bulkAdd([...alert.messageRows]);
  await db.disclosures.bulkAdd([...alert.disclosureRows]);
}

type OutboxRow = SealedRow<OutboxMessage, OutboxPlainKey>;
type DisclosureRow = SealedRow<Disclosure, DisclosurePlainKey>;

/**
 * The outbox (issue 7): every alert the app sends, one row per recipient, with its state
 * (queued, sending, sent, failed, cancelled) and tries. Queuing an alert writes the messages, their
 * disclosure-log entries and the audit entries in one transaction: nothing is queued unrecorded.
 */
export function outboxRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.outbox, outboxCodec);
  const audit = auditLog(db);
  const auditor = (session: Session) => ({ actorId: session.staff.id, auditKey: session.auditKey });
  const mayManage = (session: Session, row: { createdById: string }) =>
    can(session.roles, 'outbox:view-all') || row.createdById === session.staff.id;

  /**
   * Moves one message from a state it must be in to the next, with its audit entry, in one
   * transaction. The row is opened and sealed again outside the transaction (WebCrypto inside one
   * lets it commit); inside, a different IV or state means someone else moved it first.
   */
  async function transition(
    session: Session,
    id: string,
    from: readonly OutboxState[],
    changes: (message: OutboxMessage) => Partial<OutboxMessage>,
    event: Omit<AuditEventInput, 'recordType' | 'recordId'>,
    options: { checkManage?: boolean } = {},
  ): Promise<Result<OutboxMessage, OutboxError>> {
    const row = await db.outbox.get(id);
    if (!row) return fail('not-found', 'That message is no longer in the outbox.');
    if (options.checkManage && !mayManage(session, row))
      return fail('forbidden', 'Only the manager, or whoever raised this alert, can change it.');
    if (!from.includes(row.state))
      return fail(
        'wrong-state',
        `This message is ${outboxStateLabels[row.state].toLowerCase()} now, so that cannot be done.`,
      );
    const current = await outboxCodec.decode(row, session.cipher);
    const next = outboxMessageSchema.parse(withoutUndefined({ ...current, ...changes(current) }));
    const nextRow = await outboxCodec.encode(next, session.cipher);
    try {
      await audit.write(
        auditor(session),
        [{ ...event, recordType: 'outboxMessage', recordId: id }],
        [db.outbox],
        async () => {
          const stored = await db.outbox.get(id);
          if (!stored || stored.state !== row.state || !sameBytes(stored.sealed.iv, row.sealed.iv)) {
            throw new Refusal(
              fail(
                'wrong-state',
                'This message changed a moment ago (it may have been sent). Look at the outbox again.',
              ).error,
            );
          }
          await db.outbox.put(nextRow);
        },
        clock(),
      );
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.failure as Failure<OutboxError> };
      throw error;
    }
    return ok(next);
  }

  return {
    /**
     * Records a change to the mail settings the main process keeps (they are not in IndexedDB, so
     * the audit entry is all there is to write here). The manager's only.
     */
    async recordMailSettingsChange(
      session: Session,
      action:
        | 'mail-settings.saved'
        | 'mail-settings.cleared'
        | 'mail-settings.test-sent'
        | 'mail-settings.test-failed',
      detail = '',
    ): Promise<Result<void, OutboxError>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can change the mail settings.');
      await audit.write(
        auditor(session),
        [{ action, recordType: 'mailSettings', recordId: 'mail', detail }],
        [],
        () => Promise.resolve(),
        clock(),
      );
      return ok(undefined);
    },

    /**
     * Makes an alert about one young person ready to queue: one message to each person who should
     * hear (the PT, the duty manager for some events, the PAN group members who asked), with the
     * least identifying text, each with its disclosure-log entry, sealed, and the audit entries.
     * Nothing is written: `queueAlert` writes it at once; another repository writes it inside the
     * transaction of the change it is about (`writePreparedAlert`), so neither is kept without the other.
     */
    async prepareAlert(
      session: Session,
      input: PanAlertRequest,
    ): Promise<Result<PreparedAlert, OutboxError>> {
      const parsed = panAlertRequestSchema.safeParse(input);
      if (!parsed.success)
        return fail('invalid', 'The alert was not in the expected form, so nobody was told.');
      const request = parsed.data;
      const youngPersonRow = await db.youngPeople.get(request.youngPersonId);
      if (!youngPersonRow)
        return fail('not-found', 'That young person’s record is no longer here, so nobody was told.');
      const youngPerson = await youngPersonCodec.decode(youngPersonRow, session.cipher);
      const [staff, group] = await Promise.all([
        staffRepository(db).list(session.cipher),
        panGroupRepository(db, clock).forAlerts(session.cipher, request.youngPersonId),
      ]);
      const accounts = new Map<string, PanStaffAccount>(
        staff.map((member) => [
          member.id,
          {
            id: member.id,
            name: member.name,
            email: member.email,
            isActive: member.isActive,
            roleLabel: member.roles.map((role) => staffRoleLabels[role]).join(', '),
            isRegisteredManager: member.roles.includes('registeredManager'),
          },
        ]),
      );
      const who = panRecipients({
        event: request.event,
        group,
        personalTutorId: youngPerson.personalTutorId,
        staff: accounts,
      });
      const text = alertText({
        initials: initialsOf(youngPerson),
        event: request.event,
        reference: request.reference,
        summary: request.summary,
      });
      const at = clock().toISOString();

      const pairs = who.recipients.map((recipient) => {
        const disclosure = disclosureFor(recipient, request, session, at);
        const message = outboxMessageSchema.parse({
          id: crypto.randomUUID(),
          state: 'queued',
          youngPersonId: request.youngPersonId,
          event: request.event,
          reference: request.reference,
          recipient: { name: recipient.name, role: recipient.role, email: recipient.email },
          subject: text.subject,
          body: text.body,
          ...(request.contactFormId
            ? { attachment: { kind: 'signedContactForm', contactFormId: request.contactFormId } }
            : {}),
          createdAt: at,
          createdById: session.staff.id,
          attempts: 0,
          nextAttemptAt: at,
          disclosureId: disclosure.id,
        });
        return { message, disclosure };
      });
      // Seal first: awaiting WebCrypto inside the transaction would let IndexedDB commit it early.
      const [messageRows, disclosureRows] = await Promise.all([
        Promise.all(pairs.map((pair) => outboxCodec.encode(pair.message, session.cipher))),
        Promise.all(pairs.map((pair) => disclosureCodec.encode(pair.disclosure, session.cipher))),
      ]);
      const events: AuditEventInput[] = pairs.flatMap((pair) => [
        {
          action: 'outbox.queued',
          recordType: 'outboxMessage',
          recordId: pair.message.id,
          detail: pair.message.event,
        },
        {
          action: 'disclosure.recorded',
          recordType: 'disclosure',
          recordId: pair.disclosure.id,
          detail: `${pair.disclosure.kind}:${pair.disclosure.reason}`,
        },
      ]);
      return ok({
        messages: pairs.map((pair) => pair.message),
        messageRows,
        disclosureRows,
        events,
        skippedMembers: who.skipped.length,
        hasNoPersonalTutor: who.hasNoPersonalTutor,
      });
    },

    /**
     * Queues an alert about one young person to the PT and the PAN group members who asked for
     * this event, with the least identifying text, and records each message in the disclosure log.
     * Call it after your own change has been saved.
     */
    async queueAlert(session: Session, input: PanAlertRequest): Promise<Result<QueuedAlerts, OutboxError>> {
      const prepared = await this.prepareAlert(session, input);
      if (!prepared.ok) return prepared;
      const alert = prepared.value;
      const outcome = {
        messages: alert.messages,
        skippedMembers: alert.skippedMembers,
        hasNoPersonalTutor: alert.hasNoPersonalTutor,
      };
      if (alert.messages.length === 0) return ok(outcome);
      await audit.write(
        auditor(session),
        alert.events,
        [db.outbox, db.disclosures],
        () => writePreparedAlert(db, alert),
        clock(),
      );
      notifyOutboxQueued();
      return ok(outcome);
    },

    /**
     * Alerts the PAN group once about each contact form whose 48 hours have passed unfiled (issue
     * 7: "a form overdue"). Reads only the forms' plain fields (status, due time, young person,
     * reference); which forms were already alerted is kept in the settings table (ids only).
     * Returns how many forms were newly alerted.
     */
    async queueOverdueFormAlerts(session: Session): Promise<number> {
      const now = clock().toISOString();
      const overdue = (await db.contactForms.where('dueAt').below(now).toArray()).filter(
        (form) => form.status === 'draft',
      );
      const alertedRow = await db.settings.get(overdueAlertedKey);
      const alreadyAlerted = new Set(
        Array.isArray(alertedRow?.value)
          ? alertedRow.value.filter((id): id is string => typeof id === 'string')
          : [],
      );
      const stillOverdue = new Set(overdue.map((form) => form.id));
      let alerted = 0;
      for (const form of overdue) {
        if (alreadyAlerted.has(form.id)) continue;
        const queued = await this.queueAlert(session, {
          youngPersonId: form.youngPersonId,
          event: 'formOverdue',
          reference: form.reference,
        });
        if (!queued.ok && queued.error.code !== 'not-found') continue;
        alreadyAlerted.add(form.id);
        alerted += 1;
      }
      // Keep only forms that are still overdue, so the list never grows past today's overdue forms.
      const kept = [...alreadyAlerted].filter((id) => stillOverdue.has(id));
      if (alerted > 0 || kept.length !== (Array.isArray(alertedRow?.value) ? alertedRow.value.length : 0))
        await db.settings.put({ key: overdueAlertedKey, value: kept });
      return alerted;
    },

    /** Newest first: every message for the manager; the ones a person raised for anyone else. */
    async list(
      session: Session,
      filter: { youngPersonId?: string; state?: OutboxState } = {},
    ): Promise<OutboxMessage[]> {
      const rows = filter.youngPersonId
        ? await db.outbox.where('youngPersonId').equals(filter.youngPersonId).toArray()
        : filter.state
          ? await db.outbox.where('state').equals(filter.state).toArray()
          : await db.outbox.toArray();
      const visible = rows.filter(
        (row) => mayManage(session, row) && (!filter.state || row.state === filter.state),
      );
      visible.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      return store.open(visible, session.cipher);
    },

    /** How many failed messages this person can act on: the number on the navigation's badge. */
    async failedCount(session: Session): Promise<number> {
      const failed = await db.outbox.where('state').equals('failed').toArray();
      return failed.filter((row) => mayManage(session, row)).length;
    },

    /** Ids of the queued messages whose time has come, oldest first (plain fields only). */
    async dueIds(): Promise<string[]> {
      const now = clock();
      const queued = await db.outbox.where('state').equals('queued').sortBy('createdAt');
      return queued.filter((row) => isDue(row, now)).map((row) => row.id);
    },

    /**
     * Takes a queued message for sending (queued → sending) and opens it; `undefined` if another
     * window or an earlier run took it first or it was cancelled. Any signed-in session may send.
     */
    async claim(session: Session, id: string): Promise<OutboxMessage | undefined> {
      const now = clock();
      const row = await db.outbox.get(id);
      if (!row || !isDue(row, now)) return undefined;
      const current = await outboxCodec.decode(row, session.cipher);
      const sending = outboxMessageSchema.parse({
        ...current,
        state: 'sending',
        sendingSince: now.toISOString(),
      });
      const sendingRow = await outboxCodec.encode(sending, session.cipher);
      const claimed = await db.transaction('rw', db.outbox, async () => {
        const stored = await db.outbox.get(id);
        if (!stored || !isDue(stored, now) || !sameBytes(stored.sealed.iv, row.sealed.iv)) return false;
        await db.outbox.put(sendingRow);
        return true;
      });
      return claimed ? sending : undefined;
    },

    /** The server accepted it: sent, with its message id. */
    recordSent(session: Session, id: string, serverMessageId: string) {
      const sentAt = clock().toISOString();
      return transition(
        session,
        id,
        ['sending'],
        (message) => ({
          state: 'sent',
          sentAt,
          sentVia: 'smtp',
          serverMessageId,
          attempts: message.attempts + 1,
          nextAttemptAt: undefined,
          sendingSince: undefined,
          lastError: '',
          lastErrorCode: undefined,
        }),
        {
          action: 'outbox.sent',
          detail: serverMessageId.slice(0, 200),
        },
      );
    },

    /** A try failed: queued again with backoff if trying later can help, otherwise failed with the reason. */
    recordFailure(session: Session, id: string, failure: MailFailure) {
      const now = clock();
      return transition(
        session,
        id,
        ['sending'],
        (message) => {
          const attempts = message.attempts + 1;
          const next = afterFailedAttempt(attempts, failure, now);
          return next.state === 'queued'
            ? {
                state: 'queued',
                attempts,
                nextAttemptAt: next.nextAttemptAt,
                sendingSince: undefined,
                lastError: failure.message,
                lastErrorCode: failure.code,
              }
            : {
                state: 'failed',
                attempts,
                nextAttemptAt: undefined,
                sendingSince: undefined,
                lastError: failure.message,
                lastErrorCode: failure.code,
              };
        },
        { action: 'outbox.attempt-failed', detail: failure.code },
      ).then((result): Result<'queued' | 'failed', OutboxError> =>
        result.ok ? ok(result.value.state === 'queued' ? 'queued' : 'failed') : result,
      );
    },

    /** A person tries a failed (or waiting) message again now; the automatic tries start afresh. */
    retry(session: Session, id: string) {
      const at = clock().toISOString();
      return transition(
        session,
        id,
        ['failed', 'queued'],
        () => ({ state: 'queued', attempts: 0, nextAttemptAt: at }),
        { action: 'outbox.retried' },
        { checkManage: true },
      ).then((result) => {
        if (result.ok) for (const listener of listeners) listener();
        return result;
      });
    },

    /** A person stops a message that has not gone. It stays in the outbox, marked cancelled. */
    cancel(session: Session, id: string) {
      return transition(
        session,
        id,
        ['failed', 'queued'],
        () => ({ state: 'cancelled', nextAttemptAt: undefined }),
        { action: 'outbox.cancelled' },
        { checkManage: true },
      );
    },

    /** Without mail settings: the person sent it from their own mail client. */
    markSentFromMailClient(session: Session, id: string) {
      const sentAt = clock().toISOString();
      return transition(
        session,
        id,
        ['failed', 'queued'],
        () => ({
          state: 'sent',
          sentAt,
          sentVia: 'mailClient',
          nextAttemptAt: undefined,
          lastError: '',
          lastErrorCode: undefined,
        }),
        { action: 'outbox.sent-from-mail-client' },
        {
          checkManage: true,
        },
      );
    },

    /**
     * Messages left "sending" by an app that closed mid-send go back in the queue. Called when the
     * sender starts. Returns how many were released.
     */
    async releaseStuck(session: Session): Promise<number> {
      const now = clock();
      const cutoff = new Date(now.getTime() - stuckSendingAfterMinutes * 60_000).toISOString();
      const stuck = (await db.outbox.where('state').equals('sending').toArray()).filter(
        (row) => (row.sendingSince ?? '') <= cutoff,
      );
      let released = 0;
      for (const row of stuck) {
        const result = await transition(
          session,
          row.id,
          ['sending'],
          () => ({ state: 'queued', nextAttemptAt: now.toISOString(), sendingSince: undefined }),
          {
            action: 'outbox.released',
            detail: 'left sending by an app that closed',
          },
        );
        if (result.ok) released += 1;
      }
      return released;
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;

/**
 * For other repositories: queue a PAN alert after their own change has committed. Anything that
 * goes wrong is logged, never thrown: the change is saved whatever happens to the alert.
 */
export async function alertPanGroupAfterChange(
  db: FamilyLinksDb,
  session: Session,
  request: PanAlertRequest,
  clock?: () => Date,
): Promise<void> {
  try {
    const queued = await outboxRepository(db, clock).queueAlert(session, request);
    if (!queued.ok && queued.error.code !== 'not-found')
      console.error('A PAN alert could not be queued', queued.error.message);
  } catch (error) {
    console.error('A PAN alert could not be queued', error);
  }
}

/** How a restriction is named in an alert: not its authority's reference (need to know), a short code of its id. */
export function restrictionAlertReference(restrictionId: string): string {
  return `R-${restrictionId.slice(0, 8).toUpperCase()}`;
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

const becauseNote: Readonly<Record<PanRecipient['because'], string>> = {
  personalTutor: ' (the Personal Tutor is always told)',
  dutyManager: ' (the duty manager is always told)',
  asked: '',
};

function disclosureFor(
  recipient: PanRecipient,
  request: ReturnType<typeof panAlertRequestSchema.parse>,
  session: Session,
  at: string,
): Disclosure {
  return disclosureSchema.parse({
    id: crypto.randomUUID(),
    what: `Email alert: ${panEventLabels[request.event]} (${request.reference})`,
    kind: 'email',
    recipient: `${recipient.name} (${recipient.role}) <${recipient.email}>`.slice(0, 200),
    reason: 'other',
    reasonDetail: `PAN group alert: ${panTopicLabels[panTopicOf(request.event)].toLowerCase()}${becauseNote[recipient.because]}`,
    youngPersonId: request.youngPersonId,
    at,
    byId: session.staff.id,
  });
}
