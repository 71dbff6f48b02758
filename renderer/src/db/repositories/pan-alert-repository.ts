import { outboxMessageSchema, type OutboxMessage } from '@shared/schemas/mail';
import {
  panAlertRequestSchema,
  panEventLabels,
  panTopicLabels,
  type PanAlertRequest,
} from '@shared/schemas/pan';
import { disclosureSchema, type Disclosure } from '@shared/schemas/disclosures';
import { alertAccountOf } from '@shared/rules/alert-accounts';
import {
  panRecipients,
  panTopicOf,
  type PanRecipient,
  type PanStaffAccount,
} from '@shared/rules/pan-recipients';
import { alertText, initialsOf } from '@shared/rules/alert-text';
import { alertMessageId, mergeAlertedForms } from '@shared/rules/alert-once';
import { fail, ok, type Result } from '@shared/result';
import type { ContactFormRow, FamilyLinksDb } from '../database';
import { recordWriter, type WriteStep } from '../record-writer';
import { openedOrDamaged, plainStore, sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { alertOnceRows, type AlertOnceRows } from './alert-once-rows';
import type { AuditEventInput } from './audit-log-repository';
import type { OutboxError } from './outbox-repository';
import { outboxCodec } from './outbox-codec';
import { announceQueued, queuedOnHere } from './outbox-sending';
import { panGroupRepository } from './pan-group-repository';
import { staffRepository } from './staff-repository';
import { youngPersonCodec } from './young-people-repository';

export type QueuedAlerts = {
  readonly messages: readonly OutboxMessage[];
  /** Messages of an alert raised once (`onceAbout`) already in the outbox here: queued here before, or on another computer. */
  readonly alreadyQueued: number;
  /** Members who asked but could not be told (an account switched off or removed). */
  readonly skippedMembers: number;
  readonly hasNoPersonalTutor: boolean;
};

/**
 * An alert made ready and not yet written: who will be told, and the write steps (the messages,
 * each carrying the disclosure entry to log when it leaves, sealed when the write runs) and audit
 * entries that queue it. A change that raises alerts adds both to its own write
 * (`panAlertsForChange`), so the alert and the change it is about are kept in one transaction or
 * not at all.
 */
export type PreparedAlert = QueuedAlerts & {
  readonly writes: readonly WriteStep[];
  readonly events: readonly AuditEventInput[];
};

/** Settings key: ids of overdue contact forms the PAN group has already been told about. */
const overdueAlertedKey = 'panOverdueAlerted';

type AlertOptions = {
  readonly isRaisedByApp?: boolean;
  /**
   * The record an alert the app raises once is about (an overdue form's id): each message's id
   * is then made from it, the kind of alert and the recipient (`alertMessageId`), so a second
   * computer raising the same alert makes the same messages, never a second set.
   */
  readonly onceAbout?: string;
};

/**
 * Alerts to a young person's PAN group: who is told (the PT always; members who asked for the
 * event), in the least identifying words (initials and a reference), each message recorded in
 * the disclosure log when it leaves. Queuing writes the messages and the audit entries in one
 * transaction; the outbox sends them and logs each disclosure as it goes (seed 003: what left,
 * to whom, when), so a cancelled message is not logged as disclosed.
 */
export function panAlertRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.outbox, outboxCodec);
  const settings = plainStore(db.settings);
  const records = recordWriter(db, clock);

  /**
   * Makes an alert about one young person ready to queue: one message to each person who should
   * hear (the PT, the duty manager for some events, the PAN group members who asked), with the
   * least identifying text, each with its disclosure-log entry. Nothing is written here. For an
   * alert raised once, also what was stored under its message ids when they were read (`once`).
   */
  async function prepare(
    session: Session,
    input: PanAlertRequest,
    options: AlertOptions,
  ): Promise<Result<{ alert: PreparedAlert; once: AlertOnceRows | undefined }, OutboxError>> {
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
        { ...alertAccountOf(member), isRegisteredManager: member.roles.includes('registeredManager') },
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
    const queuedOn = await queuedOnHere(db);
    const ids = await messageIds(request.event, who.recipients, options.onceAbout);
    const addressed = who.recipients.flatMap((recipient, index) => {
      const id = ids[index];
      return id === undefined ? [] : [{ recipient, id }];
    });
    // A message of this alert already here (queued here, or arrived from another computer) is not
    // made again; a row under its id that does not open, or is another message, is replaced.
    const once =
      options.onceAbout === undefined
        ? undefined
        : await alertOnceRows(
            db,
            session.cipher,
            addressed.map(({ recipient, id }) => ({
              id,
              youngPersonId: request.youngPersonId,
              event: request.event,
              recipientEmail: recipient.email,
            })),
          );
    const toQueue = addressed.filter(({ id }) => !once?.standing.has(id));

    const pairs = toQueue.map(({ recipient, id }) => {
      const disclosure = disclosureFor(recipient, request, session, at);
      const message = outboxMessageSchema.parse({
        id,
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
        ...(options.isRaisedByApp ? { isRaisedByApp: true } : {}),
        ...queuedOn,
        attempts: 0,
        nextAttemptAt: at,
        disclosureId: disclosure.id,
        pendingDisclosure: disclosure,
      });
      return { message, disclosure };
    });
    // The disclosure is logged when the message leaves (the outbox repository), not now. A row
    // replaced is said so first, so whoever reads the log sees why the message was queued again.
    const events: AuditEventInput[] = pairs.flatMap((pair) => {
      const replaced = once?.replacing.get(pair.message.id);
      return [
        ...(replaced ? [replaced] : []),
        {
          action: 'outbox.queued',
          recordType: 'outboxMessage',
          recordId: pair.message.id,
          detail: pair.message.event,
        },
      ];
    });
    const [fresh, replacements] = [
      pairs.filter((pair) => !once?.replacing.has(pair.message.id)).map((pair) => pair.message),
      pairs.filter((pair) => once?.replacing.has(pair.message.id)).map((pair) => pair.message),
    ];
    return ok({
      alert: {
        messages: pairs.map((pair) => pair.message),
        alreadyQueued: once?.standing.size ?? 0,
        skippedMembers: who.skipped.length,
        hasNoPersonalTutor: who.hasNoPersonalTutor,
        events,
        writes: [
          ...(fresh.length === 0 ? [] : [store.insertAll(fresh)]),
          ...(replacements.length === 0 ? [] : [store.putAll(replacements)]),
        ],
      },
      once,
    });
  }

  /** `prepare`, for a change that queues its alerts in its own write (`panAlertsForChange`). */
  async function prepareAlert(
    session: Session,
    input: PanAlertRequest,
    options: AlertOptions = {},
  ): Promise<Result<PreparedAlert, OutboxError>> {
    const prepared = await prepare(session, input, options);
    return prepared.ok ? ok(prepared.value.alert) : prepared;
  }

  /**
   * Queues an alert about one young person on its own: for what the app notices itself (a form
   * gone overdue). A person's change queues its alerts in its own transaction instead
   * (`panAlertsForChange`), so it is never saved without them.
   */
  async function queueAlert(
    session: Session,
    input: PanAlertRequest,
    options: AlertOptions = {},
  ): Promise<Result<QueuedAlerts, OutboxError>> {
    const prepared = await prepare(session, input, options);
    if (!prepared.ok) return prepared;
    const { once } = prepared.value;
    const { writes, events, ...outcome } = prepared.value.alert;
    if (outcome.messages.length === 0) return ok(outcome);
    const written = await records.write<OutboxError>(session, {
      events,
      writes,
      // Another computer's copy of an alert raised once may have been applied since it was read.
      check: async () =>
        once !== undefined && !(await once.isStillAsRead())
          ? fail(
              'wrong-state',
              'This alert arrived from another computer a moment ago, so it was not queued again.',
            )
          : undefined,
    });
    if (!written.ok) return written;
    announceQueued();
    return ok(outcome);
  }

  /**
   * Which of these listed forms an overdue alert really was queued for. The list of alerted forms
   * (`panOverdueAlerted`) is a plain settings row, so a form id added to it in IndexedDB would
   * silence that form's alert; an id is taken only where a message of the outbox that opens (its
   * seal binds every plain field) is the overdue alert for that young person and form reference.
   * Any other listed form goes through `queueAlert` again, which queues nothing twice: each
   * message's id is made from what it is about.
   */
  async function alertsThatOpen(session: Session, forms: readonly ContactFormRow[]): Promise<Set<string>> {
    if (forms.length === 0) return new Set();
    const youngPeople = [...new Set(forms.map((form) => form.youngPersonId))];
    const rows = (await db.outbox.where('youngPersonId').anyOf(youngPeople).toArray()).filter(
      (row) => row.event === 'formOverdue',
    );
    const { records } = await openedOrDamaged(rows.map((row) => outboxCodec.decode(row, session.cipher)));
    const about = (youngPersonId: string, reference: string) => JSON.stringify([youngPersonId, reference]);
    const sent = new Set(
      records.flatMap((message) =>
        message.event === 'formOverdue' && message.reference !== undefined
          ? [about(message.youngPersonId, message.reference)]
          : [],
      ),
    );
    return new Set(
      forms.filter((form) => sent.has(about(form.youngPersonId, form.reference))).map((form) => form.id),
    );
  }

  return {
    prepareAlert,
    queueAlert,

    /**
     * Alerts the PAN group once about each contact form whose 48 hours have passed unfiled (an event PAN
     * members can ask to hear about). Reads only the forms' plain fields (status, due time, young person,
     * reference); which forms were already alerted is kept in the settings table (ids only). Returns how many
     * forms were newly alerted.
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
      const listed = new Set(alreadyAlerted);
      const told = await alertsThatOpen(
        session,
        overdue.filter((form) => listed.has(form.id)),
      );
      const stillOverdue = new Set(overdue.map((form) => form.id));
      let alerted = 0;
      for (const form of overdue) {
        if (told.has(form.id)) continue;
        // Noticed by the app, whoever is signed in: the alert says Family Links raised it, and
        // raises it once across the home's computers, however many notice the form.
        const queued = await queueAlert(
          session,
          { youngPersonId: form.youngPersonId, event: 'formOverdue', reference: form.reference },
          { isRaisedByApp: true, onceAbout: form.id },
        );
        if (!queued.ok && queued.error.code !== 'not-found' && queued.error.code !== 'wrong-state') continue;
        alreadyAlerted.add(form.id);
        // Told already, from here or from another computer: not told again now. A listed form
        // with nobody to tell is as it was: only a message queued now makes it newly alerted.
        const isNew = queued.ok && (queued.value.messages.length > 0 || queued.value.alreadyQueued === 0);
        if (isNew && (!listed.has(form.id) || queued.value.messages.length > 0)) alerted += 1;
      }
      // Keep only forms that are still overdue, so the list never grows past today's overdue forms;
      // sorted, so two computers that alerted the same forms write the same row and do not conflict.
      const kept = mergeAlertedForms([[...alreadyAlerted].filter((id) => stillOverdue.has(id))]);
      if (alerted > 0 || kept.length !== (Array.isArray(alertedRow?.value) ? alertedRow.value.length : 0))
        await records.write(session, {
          events: [],
          writes: [settings.put({ key: overdueAlertedKey, value: kept })],
        });
      return alerted;
    },
  };
}

/** Each recipient's message id: made from what the alert is about when it is raised once, else random. */
function messageIds(
  event: PanAlertRequest['event'],
  recipients: readonly PanRecipient[],
  onceAbout: string | undefined,
): Promise<string[]> {
  if (onceAbout === undefined) return Promise.resolve(recipients.map(() => crypto.randomUUID()));
  return Promise.all(
    recipients.map((recipient) =>
      alertMessageId({ event, recordId: onceAbout, recipientKey: recipient.key }),
    ),
  );
}

/** How a restriction is named in an alert: not its authority's reference (need to know), a short code of its id. */
export function restrictionAlertReference(restrictionId: string): string {
  return `R-${restrictionId.slice(0, 8).toUpperCase()}`;
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
