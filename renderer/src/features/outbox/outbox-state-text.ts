import type { OutboxMessage } from '@shared/schemas/mail';

/** What the outbox says about one message's state, in plain words. `when` formats an instant for the home. */
export function outboxStateText(
  message: OutboxMessage,
  when: (iso: string) => string,
  isMailConfigured: boolean,
): { readonly headline: string; readonly detail: string } {
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
      return message.sentVia === 'mailClient'
        ? { headline: 'Sent from a mail client', detail: message.sentAt ? when(message.sentAt) : '' }
        : {
            headline: 'Sent',
            detail: `${message.sentAt ? when(message.sentAt) : ''}${message.serverMessageId ? ` · server id ${message.serverMessageId}` : ''}`,
          };
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
