import type { OutboxMessage } from '@shared/schemas/mail';
import { listInWords } from '@shared/word-lists';
import type { NamedSend } from '../../db/repositories/outbox-sending';

type StateText = { readonly headline: string; readonly detail: string; readonly also?: string };

const times = (count: number) => (count === 2 ? 'twice' : `${count} times`);

/**
 * A sent message that other computers sent too, while they could not reach each other
 * (`shared/rules/alert-once.ts`): said in words, so the manager knows the group was told more
 * than once and from where, not only the record and the audit.
 */
function withOtherSends(
  text: StateText,
  alsoSentFrom: readonly NamedSend[],
  when: (iso: string) => string,
): StateText {
  if (alsoSentFrom.length === 0) return text;
  const sends = alsoSentFrom.map((send) => `${send.computer} (${when(send.sentAt)})`);
  return {
    headline: `Sent ${times(alsoSentFrom.length + 1)}`,
    // "Sent from a mail client" stays said, beside this computer's time.
    detail: text.headline === 'Sent' ? text.detail : [text.headline, text.detail].filter(Boolean).join(' · '),
    also: `Also sent by ${listInWords(sends)} while the computers were apart.`,
  };
}

/**
 * What the outbox says about one message's state, in plain words. `when` formats an instant for
 * the home. `also`: for a message sent from more than one computer, the others.
 */
export function outboxStateText(
  message: OutboxMessage & { readonly alsoSentFrom?: readonly NamedSend[] },
  when: (iso: string) => string,
  isMailConfigured: boolean,
): StateText {
  switch (message.state) {
    case 'queued':
      // Why it waits is said once, in the banner above the list, not on every row.
      if (!isMailConfigured) return { headline: 'Waiting', detail: '' };
      if (message.lastError)
        return {
          headline: 'Waiting to try again',
          detail: `${message.lastError}${message.nextAttemptAt ? ` Next try ${when(message.nextAttemptAt)}.` : ''}`,
        };
      return { headline: 'Waiting to send', detail: '' };
    case 'sending':
      return { headline: 'Sending', detail: '' };
    case 'sent':
      return withOtherSends(
        message.sentVia === 'mailClient'
          ? { headline: 'Sent from a mail client', detail: message.sentAt ? when(message.sentAt) : '' }
          : {
              headline: 'Sent',
              detail: `${message.sentAt ? when(message.sentAt) : ''}${message.serverMessageId ? ` · server id ${message.serverMessageId}` : ''}`,
            },
        message.alsoSentFrom ?? [],
        when,
      );
    case 'failed':
      return {
        headline: 'Failed',
        detail: `${message.lastError} (tried ${message.attempts} ${message.attempts === 1 ? 'time' : 'times'})`,
      };
    case 'cancelled':
      return { headline: 'Cancelled', detail: 'Not sent.' };
    default: {
      const unreachable: never = message.state;
      return unreachable;
    }
  }
}
