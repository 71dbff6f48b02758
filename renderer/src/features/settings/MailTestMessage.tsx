import { useState } from 'react';
import { emailSchema } from '@shared/schemas/common';
import type { MailSettingsChanges } from './useMailSettings';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { SubmitForm } from '../../ui/SubmitForm';

/** "Send a test message": success, or the exact reason it failed, in plain words. */
export function MailTestMessage({
  defaultTo,
  send: sendTest,
  onSent,
}: {
  defaultTo: string;
  /** Undefined in a window with no bridge to the main process. */
  send: MailSettingsChanges['sendTest'];
  onSent: (outcome: 'sent' | 'failed', detail: string) => Promise<void>;
}) {
  const [to, setTo] = useState(defaultTo);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; message: string } | undefined>();
  const [isSending, setIsSending] = useState(false);

  const send = async () => {
    setOutcome(undefined);
    const address = emailSchema.safeParse(to.trim());
    if (!address.success) {
      setError('Enter the email address to send the test message to.');
      return;
    }
    setError(undefined);
    if (!sendTest) {
      setOutcome({
        tone: 'error',
        message: 'This window has no connection to Family Links’ background service.',
      });
      return;
    }
    setIsSending(true);
    try {
      const result = await sendTest(address.data);
      if (!result.ok) {
        setOutcome({ tone: 'error', message: result.error.message });
        return;
      }
      if (result.value.outcome === 'sent') {
        setOutcome({
          tone: 'success',
          message: `The test message was sent to ${address.data}. The server accepted it as ${result.value.serverMessageId}.`,
        });
        await onSent('sent', '');
      } else {
        setOutcome({
          tone: 'error',
          message: `The test message was not sent. ${result.value.failure.message}`,
        });
        await onSent('failed', result.value.failure.code);
      }
    } finally {
      setIsSending(false);
    }
  };

  return (
    <SubmitForm label="Send a test message" onSubmit={() => send()}>
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      <Field label="Send the test message to" error={error}>
        {(wiring) => (
          <TextInput {...wiring} type="email" value={to} onChange={(event) => setTo(event.target.value)} />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={isSending}>
          {isSending ? 'Sending…' : 'Send a test message'}
        </button>
      </div>
    </SubmitForm>
  );
}
