import type { AlertText } from '@shared/rules/alert-text';
import { disclosureSchema } from '@shared/schemas/disclosures';
import {
  outboxEventLabels,
  outboxMessageSchema,
  type OutboxEvent,
  type OutboxMessage,
} from '@shared/schemas/mail';

/**
 * One alert Family Links raises itself (an action gone overdue, a special date coming up), to one
 * person, queued now, with its disclosure-log entry to be logged when it leaves (DESIGN: every
 * copy that leaves the app is logged, to whom and why). `isRaisedByApp`, so the outbox says so
 * rather than naming whoever happened to be signed in when it was noticed.
 */
export function appRaisedAlert(input: {
  readonly event: OutboxEvent;
  readonly reference: string;
  readonly youngPersonId: string;
  readonly recipient: { readonly name: string; readonly roleLabel: string; readonly email: string };
  readonly text: AlertText;
  /** Why this person is told, for the disclosure log. */
  readonly reasonDetail: string;
  readonly at: string;
  readonly byId: string;
  /** This computer's sync id, once sync is set up here (`queuedOnHere`): it alone sends the alert. */
  readonly queuedOn?: string;
}): OutboxMessage {
  const { recipient, at } = input;
  const disclosure = disclosureSchema.parse({
    id: crypto.randomUUID(),
    what: `Email alert: ${outboxEventLabels[input.event]} (${input.reference})`,
    kind: 'email',
    recipient: `${recipient.name} (${recipient.roleLabel}) <${recipient.email}>`.slice(0, 200),
    reason: 'other',
    reasonDetail: input.reasonDetail,
    youngPersonId: input.youngPersonId,
    at,
    byId: input.byId,
  });
  return outboxMessageSchema.parse({
    id: crypto.randomUUID(),
    state: 'queued',
    youngPersonId: input.youngPersonId,
    event: input.event,
    reference: input.reference,
    recipient: { name: recipient.name, role: recipient.roleLabel, email: recipient.email },
    subject: input.text.subject,
    body: input.text.body,
    createdAt: at,
    createdById: input.byId,
    isRaisedByApp: true,
    ...(input.queuedOn === undefined ? {} : { queuedOn: input.queuedOn }),
    attempts: 0,
    nextAttemptAt: at,
    disclosureId: disclosure.id,
    pendingDisclosure: disclosure,
  });
}
