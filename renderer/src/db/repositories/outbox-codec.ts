import { outboxMessageSchema } from '@shared/schemas/mail';
import type { OutboxPlainKey } from '../database';
import { createSealedCodec } from '../sealed-codec';

// Who an alert goes to and what it says are sealed; its state, times and the server's answer are
// plain so the sender and the badge work from indexes without opening anything.
export const outboxCodec = createSealedCodec('outbox', outboxMessageSchema, [
  'id',
  'state',
  'youngPersonId',
  'event',
  'createdAt',
  'createdById',
  'queuedOn',
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
