import {
  outboxMessageSchema,
  outboxStateLabels,
  type MailFailure,
  type OutboxMessage,
  type OutboxState,
} from '@shared/schemas/mail';
import { can } from '@shared/rules/access';
import { disclosureSchema, type Disclosure } from '@shared/schemas/disclosures';
import { afterFailedAttempt, isDue, stuckSendingAfterMinutes } from '@shared/rules/outbox-retry';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { recordSyncId } from '../sync/change-log';
import type { AuditEventInput } from './audit-log-repository';
import { disclosureCodec } from './disclosure-repository';
import { announceQueued, sentHere, withOtherSendsNamed, type NamedSend } from './outbox-sending';
import { outboxCodec } from './outbox-codec';

export type OutboxError = 'forbidden' | 'invalid' | 'not-found' | 'wrong-state';

/**
 * A message as the outbox lists it: with whether another computer sends it (shown, not acted on
 * here), and any other computers that sent it too, by name.
 */
export type ListedOutboxMessage = OutboxMessage & {
  readonly isSentElsewhere: boolean;
  readonly alsoSentFrom?: readonly NamedSend[];
};

const queuedElsewhere =
  'This alert is sent by the computer that queued it: try it again, cancel it or mark it sent there.';

/**
 * The outbox: every alert the app sends, one row per recipient, with its state (queued, sending,
 * sent, failed, cancelled) and tries. Alerts are queued by pan-alert-repository.ts; this moves
 * each message through its states, one audited transaction a move.
 */
export function outboxRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.outbox, outboxCodec);
  const disclosures = sealedStore(db.disclosures, disclosureCodec);
  const records = recordWriter(db, clock);
  const mayManage = (session: Session, row: { createdById: string }) =>
    can(session.roles, 'outbox:view-all') || row.createdById === session.staff.id;

  /**
   * Moves one message from a state it must be in to the next, with its audit entry, in one
   * transaction; refused if someone else moved it since it was read.
   */
  async function transition(
    session: Session,
    id: string,
    from: readonly OutboxState[],
    changes: (message: OutboxMessage) => Partial<OutboxMessage>,
    event: Omit<AuditEventInput, 'recordType' | 'recordId'>,
    options: { checkManage?: boolean; logsDisclosure?: boolean } = {},
  ): Promise<Result<OutboxMessage, OutboxError>> {
    const row = await db.outbox.get(id);
    if (!row) return fail('not-found', 'That message is no longer in the outbox.');
    if (options.checkManage && !mayManage(session, row))
      return fail('forbidden', 'Only the manager, or whoever raised this alert, can change it.');
    // Held read-only on every other computer, so two computers never both send it.
    if (options.checkManage && !(await sentHere(db, [row])).has(id))
      return fail('forbidden', queuedElsewhere);
    if (!from.includes(row.state))
      return fail(
        'wrong-state',
        `This message is ${outboxStateLabels[row.state].toLowerCase()} now, so that cannot be done.`,
      );
    const current = await outboxCodec.decode(row, session.cipher);
    const next = outboxMessageSchema.parse(withoutUndefined({ ...current, ...changes(current) }));
    const leaving = options.logsDisclosure ? disclosureOnLeaving(current, next) : undefined;
    const written = await records.write(session, {
      events: [
        { ...event, recordType: 'outboxMessage', recordId: id },
        ...(leaving
          ? [
              {
                action: 'disclosure.recorded',
                recordType: 'disclosure',
                recordId: leaving.id,
                detail: `${leaving.kind}:${leaving.reason}`,
              },
            ]
          : []),
      ],
      writes: [
        store.replace(
          row,
          leaving ? outboxMessageSchema.parse({ ...next, pendingDisclosure: undefined }) : next,
          fail(
            'wrong-state',
            'This message changed a moment ago (it may have been sent). Look at the outbox again.',
          ),
        ),
        ...(leaving ? [disclosures.insert(leaving)] : []),
      ],
    });
    if (!written.ok) return written;
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
      await records.write(session, {
        events: [{ action, recordType: 'mailSettings', recordId: 'mail', detail }],
      });
      return ok(undefined);
    },

    /** Newest first: every message for the manager; the ones a person raised for anyone else. */
    async list(
      session: Session,
      filter: { youngPersonId?: string; state?: OutboxState } = {},
    ): Promise<ListedOutboxMessage[]> {
      const rows = filter.youngPersonId
        ? await db.outbox.where('youngPersonId').equals(filter.youngPersonId).toArray()
        : filter.state
          ? await db.outbox.where('state').equals(filter.state).toArray()
          : await db.outbox.toArray();
      const visible = rows.filter(
        (row) => mayManage(session, row) && (!filter.state || row.state === filter.state),
      );
      visible.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      const [messages, mine] = await Promise.all([
        store.open(visible, session.cipher),
        sentHere(db, visible),
      ]);
      const listed = messages.map((message) => ({ ...message, isSentElsewhere: !mine.has(message.id) }));
      return withOtherSendsNamed(db, listed);
    },

    /** Messages not yet gone (queued, being sent or failed) that this person may act on: plain fields only. */
    async unsent(session: Session): Promise<{ readonly state: OutboxState; readonly createdAt: string }[]> {
      const rows = await db.outbox.where('state').anyOf(['queued', 'sending', 'failed']).toArray();
      return rows
        .filter((row) => mayManage(session, row))
        .map((row) => ({ state: row.state, createdAt: row.createdAt }));
    },

    /** How many failed messages this person can act on: the number on the navigation's badge. */
    async failedCount(session: Session): Promise<number> {
      const failed = (await db.outbox.where('state').equals('failed').toArray()).filter((row) =>
        mayManage(session, row),
      );
      // One another computer sends is acted on there (`sendsHere`).
      return (await sentHere(db, failed)).size;
    },

    /** Ids of the queued messages whose time has come, oldest first (plain fields only). */
    async dueIds(): Promise<string[]> {
      const now = clock();
      const queued = (await db.outbox.where('state').equals('queued').sortBy('createdAt')).filter((row) =>
        isDue(row, now),
      );
      const mine = await sentHere(db, queued);
      return queued.filter((row) => mine.has(row.id)).map((row) => row.id);
    },

    /**
     * Takes a queued message for sending (queued → sending) and opens it; `undefined` if another
     * window or an earlier run took it first or it was cancelled. Any signed-in session may send.
     */
    async claim(session: Session, id: string): Promise<OutboxMessage | undefined> {
      const now = clock();
      const row = await db.outbox.get(id);
      if (!row || !isDue(row, now) || !(await sentHere(db, [row])).has(id)) return undefined;
      const current = await outboxCodec.decode(row, session.cipher);
      const sending = outboxMessageSchema.parse({
        ...current,
        state: 'sending',
        sendingSince: now.toISOString(),
      });
      // Not audited: the attempt's outcome (sent, or failed with its reason) is.
      const claimed = await records.write(session, {
        at: now,
        events: [],
        writes: [store.replace(row, sending, fail('taken', 'Another window took this message first.'))],
        // A second version arriving from another computer since it was read: settled first, then sent.
        check: async () => {
          const [stored, unsettled] = await Promise.all([
            db.outbox.get(id),
            db.syncConflicts.get(recordSyncId('outbox', id)),
          ]);
          return stored && isDue(stored, now) && !unsettled
            ? undefined
            : fail('taken', 'This message is not due now.');
        },
        reads: [db.syncConflicts],
      });
      return claimed.ok ? sending : undefined;
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
        { logsDisclosure: true },
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
        if (result.ok) announceQueued();
        return result;
      });
    },

    /**
     * "Send all waiting now": every message waiting to send (or to try again) that this person may
     * act on is due now, in one audited change, and the sender is woken. Returns how many.
     */
    async sendAllWaitingNow(session: Session): Promise<Result<number, OutboxError>> {
      const at = clock().toISOString();
      const waiting = (await db.outbox.where('state').equals('queued').toArray()).filter((row) =>
        mayManage(session, row),
      );
      const mine = await sentHere(db, waiting);
      const rows = waiting.filter((row) => mine.has(row.id));
      if (rows.length === 0) return ok(0);
      const messages = await store.open(rows, session.cipher);
      const written = await records.write(session, {
        events: rows.map((row) => ({
          action: 'outbox.retried',
          recordType: 'outboxMessage',
          recordId: row.id,
          detail: 'send all waiting now',
        })),
        writes: rows.map((row, index) =>
          store.replace(
            row,
            outboxMessageSchema.parse({ ...messages[index], nextAttemptAt: at }),
            fail('wrong-state', 'A message changed a moment ago (it may have been sent). Try again.'),
          ),
        ),
      });
      if (!written.ok) return written;
      announceQueued();
      return ok(rows.length);
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
        { checkManage: true, logsDisclosure: true },
      );
    },

    /**
     * Messages left "sending" by an app that closed mid-send go back in the queue. Called when the
     * sender starts. Returns how many were released.
     */
    async releaseStuck(session: Session): Promise<number> {
      const now = clock();
      const cutoff = new Date(now.getTime() - stuckSendingAfterMinutes * 60_000).toISOString();
      const left = (await db.outbox.where('state').equals('sending').toArray()).filter(
        (row) => (row.sendingSince ?? '') <= cutoff,
      );
      // Another computer's message "sending" here is that computer's try, not one left by this app.
      const mine = await sentHere(db, left);
      const stuck = left.filter((row) => mine.has(row.id));
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

/**
 * The disclosure-log entry for a message that has just left, timed when it left; undefined if it
 * carries none (queued by an earlier version, which logged it when queued).
 */
function disclosureOnLeaving(before: OutboxMessage, after: OutboxMessage): Disclosure | undefined {
  if (!before.pendingDisclosure || after.state !== 'sent') return undefined;
  return disclosureSchema.parse({
    ...before.pendingDisclosure,
    at: after.sentAt ?? before.pendingDisclosure.at,
  });
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
