import { describe, expect, it } from 'vitest';
import { outboxMessageSchema, type OutboxMessage } from '../../../../../shared/schemas/mail';
import { outboxStateText } from '../../../../../renderer/src/features/outbox/outbox-state-text';

/** A sent alert, as the outbox holds it once the computers that both sent it have met. */
const sent: OutboxMessage = outboxMessageSchema.parse({
  id: '3f0c7a52-8a4e-4c1b-9a0e-6d5b2f1e7c01',
  state: 'sent',
  youngPersonId: '9b2d4e61-1c3a-4f5b-8e7d-2a6c9f0b3d12',
  event: 'formOverdue',
  reference: 'CF-2026-0007',
  recipient: { name: 'Sam Social', role: 'Social worker', email: 'sam.social@council.example' },
  subject: 'Contact form CF-2026-0007 is overdue',
  body: 'The contact form CF-2026-0007 has not been filed.',
  createdAt: '2026-12-01T09:00:00.000Z',
  createdById: '5e8f1a23-7b4c-4d9e-a0f1-3c2b6d8e9f45',
  attempts: 1,
  sentAt: '2026-12-01T09:05:00.000Z',
  sentVia: 'smtp',
  serverMessageId: '<m1@office.example>',
  alsoSentBy: [{ computer: 'a1b2c3', sentAt: '2026-12-01T09:07:00.000Z', sentVia: 'smtp' }],
  disclosureId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
});

const when = (iso: string) => iso.slice(11, 16);

describe('what the outbox says of a message sent from more than one computer', () => {
  it('a message sent once is plainly "Sent"', () => {
    const { alsoSentBy: _also, ...once } = sent;
    expect(outboxStateText(once, when, true)).toEqual({
      headline: 'Sent',
      detail: '09:05 · server id <m1@office.example>',
    });
  });

  it('says it went twice, and from which computer while they were apart', () => {
    const text = outboxStateText(
      { ...sent, alsoSentFrom: [{ computer: 'Front desk', sentAt: '2026-12-01T09:07:00.000Z' }] },
      when,
      true,
    );
    expect(text).toEqual({
      headline: 'Sent twice',
      detail: '09:05 · server id <m1@office.example>',
      also: 'Also sent by Front desk (09:07) while the computers were apart.',
    });
  });

  it('names every other computer, and keeps "from a mail client" said', () => {
    const text = outboxStateText(
      {
        ...sent,
        sentVia: 'mailClient',
        alsoSentFrom: [
          { computer: 'Front desk', sentAt: '2026-12-01T09:07:00.000Z' },
          { computer: 'Staff room', sentAt: '2026-12-01T09:09:00.000Z' },
        ],
      },
      when,
      true,
    );
    expect(text).toEqual({
      headline: 'Sent 3 times',
      detail: 'Sent from a mail client · 09:05',
      also: 'Also sent by Front desk (09:07) and Staff room (09:09) while the computers were apart.',
    });
  });
});
