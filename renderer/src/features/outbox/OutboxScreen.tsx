import { FormReferenceLink } from '../contact-forms';
import { useState } from 'react';
import { can } from '@shared/rules/access';
import { formReferenceInAlert } from '@shared/rules/form-actions';
import {
  outboxEventLabels,
  outboxStateLabels,
  outboxStates,
  type OutboxMessage,
  type OutboxState,
} from '@shared/schemas/mail';
import { ukDateTime } from '@shared/export/visitor-register-csv';
import { hashFor } from '../../common/routes';
import { Banner } from '../../ui/Banner';
import { ChoiceSelect } from '../../ui/Field';
import { useSession } from '../../security/session-context';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { outboxStateText } from './outbox-state-text';
import { useMailStatus } from '../../common/useMailStatus';
import { useOpenInMailClient, useOutbox } from './useOutbox';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { LoadedList } from '../../ui/LoadedList';
import { RowButton } from '../../ui/RowButton';

type Outcome = { readonly tone: 'error' | 'success' | 'info'; readonly message: string };

/**
 * The outbox (DESIGN: the email outbox): every alert the app has sent or will send, one row per person, with
 * its state and, when it failed, why. The manager sees every alert; anyone else the alerts they raised. A
 * failed or waiting message can be tried again or cancelled; without mail settings each can be opened in the
 * person's own mail client.
 */
export function OutboxScreen() {
  const session = useSession();
  const clock = useHomeClock();
  const directory = useDoorDirectory();
  const [state, setState] = useState<OutboxState | ''>('');
  const { messages, repository } = useOutbox(state ? { state } : {});
  const openInMailClientOf = useOpenInMailClient();
  const mail = useMailStatus();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [openedIds, setOpenedIds] = useState<ReadonlySet<string>>(new Set());
  const when = (iso: string) => ukDateTime(iso, clock.timeZone);

  const act = async (
    action: () => Promise<{ ok: boolean; error?: { message: string } }>,
    success: string,
  ) => {
    const result = await action();
    setOutcome(
      result.ok
        ? { tone: 'success', message: success }
        : { tone: 'error', message: result.error?.message ?? 'That could not be done.' },
    );
  };

  const openInMailClient = async (message: OutboxMessage) => {
    if (!openInMailClientOf) {
      setOutcome({ tone: 'error', message: 'This window cannot open a mail client.' });
      return;
    }
    const result = await openInMailClientOf({
      to: message.recipient.email,
      subject: message.subject,
      body: message.body,
    });
    if (!result.ok) {
      setOutcome({ tone: 'error', message: result.error.message });
      return;
    }
    setOutcome({
      tone: result.value.opened ? 'info' : 'error',
      message: result.value.opened
        ? `${result.value.message} Then choose “Mark as sent”.`
        : result.value.message,
    });
    if (result.value.opened) setOpenedIds((ids) => new Set([...ids, message.id]));
  };

  return (
    <div className="page">
      <h1>Outbox</h1>
      <p className="lede">
        Every email alert, one row for each person told.{' '}
        {can(session.roles, 'outbox:view-all')
          ? 'You see every alert in the home.'
          : 'You see the alerts raised by what you did.'}
      </p>
      {mail.status.kind === 'ready' && !mail.isConfigured ? (
        <Banner tone="info">
          Mail is not set up on this computer, so alerts wait here. Open each one in your own mail client to
          send it.
          {can(session.roles, 'settings:manage') ? (
            <>
              {' '}
              <a href={hashFor('mail-settings')}>Go to Mail settings</a>
            </>
          ) : (
            ' The manager can set mail up.'
          )}
        </Banner>
      ) : null}
      {mail.isConfigured ? (
        <p>
          Alerts are sent by themselves, and tried again if the mail server does not answer.{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void repository.sendAllWaitingNow(session).then((result) =>
                setOutcome(
                  !result.ok
                    ? { tone: 'error', message: result.error.message }
                    : result.value === 0
                      ? { tone: 'info', message: 'Nothing is waiting to send.' }
                      : {
                          tone: 'success',
                          message: `Sending ${result.value === 1 ? 'the message' : `${result.value} messages`} waiting now.`,
                        },
                ),
              )
            }
          >
            Send all waiting now
          </button>
        </p>
      ) : null}
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      <div className="toolbar">
        <label htmlFor="outbox-state">Show</label>
        <ChoiceSelect
          id="outbox-state"
          className="input input--short"
          emptyLabel="All messages"
          values={outboxStates}
          labels={outboxStateLabels}
          value={state}
          onChange={(event) => setState(event.target.value as OutboxState | '')}
        />
      </div>
      <LoadedList
        items={messages}
        loading="Loading…"
        empty={state ? `No messages are ${outboxStateLabels[state].toLowerCase()}.` : 'No alerts yet.'}
      >
        {(messages) => (
          <table className="table">
            <caption className="visually-hidden">Email alerts, newest first</caption>
            <ColumnHeads columns={['Raised', 'To', 'Young person', 'Message', 'State']} hasActions />
            <tbody>
              {messages.map((message) => {
                const text = outboxStateText(message, when, mail.isConfigured);
                const isUnsent = message.state === 'queued' || message.state === 'failed';
                // Another computer queued it and alone sends it: shown here, changed there.
                const canChange = isUnsent && !message.isSentElsewhere;
                const who = `${message.recipient.name} (${message.recipient.email})`;
                // An overdue action's reference is its form's and its number: the link goes to the form.
                const formReference = formReferenceInAlert(message.reference);
                return (
                  <tr key={message.id}>
                    <td>
                      {when(message.createdAt)}
                      <br />
                      <span className="muted">
                        {message.reference}: {outboxEventLabels[message.event]}, raised by{' '}
                        {message.isRaisedByApp
                          ? 'Family Links'
                          : (directory?.staffName(message.createdById) ?? '…')}
                      </span>
                    </td>
                    <td>
                      {message.recipient.name}
                      <br />
                      <span className="muted">
                        {message.recipient.role} · {message.recipient.email}
                      </span>
                    </td>
                    <td>
                      {directory ? (
                        <a href={hashFor('young-people', message.youngPersonId)}>
                          {directory.youngPersonName(message.youngPersonId)}
                        </a>
                      ) : (
                        '…'
                      )}
                    </td>
                    <td>
                      {formReference.startsWith('CF-') && message.subject.includes(formReference)
                        ? message.subject
                            .split(formReference)
                            .flatMap((part, index) =>
                              index === 0
                                ? [part]
                                : [<FormReferenceLink key={index} reference={formReference} />, part],
                            )
                        : message.subject}
                    </td>
                    <td>
                      <span className={message.state === 'failed' ? 'badge badge--warn' : 'badge'}>
                        {text.headline}
                      </span>
                      {text.detail ? <div className="muted">{text.detail}</div> : null}
                      {text.also ? <div>{text.also}</div> : null}
                    </td>
                    <td>
                      {canChange ? (
                        <div className="row-actions">
                          {mail.isConfigured ? (
                            <RowButton
                              name={`Try again now: ${who}`}
                              onClick={() =>
                                void act(
                                  () => repository.retry(session, message.id),
                                  `The message to ${message.recipient.name} will be tried again now.`,
                                )
                              }
                            >
                              Try again
                            </RowButton>
                          ) : (
                            <RowButton
                              name={`Open in mail client: ${who}`}
                              onClick={() => void openInMailClient(message)}
                            >
                              Open in mail client
                            </RowButton>
                          )}
                          {!mail.isConfigured && openedIds.has(message.id) ? (
                            <RowButton
                              name={`Mark as sent: ${who}`}
                              onClick={() =>
                                void act(
                                  () => repository.markSentFromMailClient(session, message.id),
                                  `Marked as sent to ${message.recipient.name}.`,
                                )
                              }
                            >
                              Mark as sent
                            </RowButton>
                          ) : null}
                          <RowButton
                            name={`Cancel: ${who}`}
                            onClick={() =>
                              void act(
                                () => repository.cancel(session, message.id),
                                `The message to ${message.recipient.name} is cancelled.`,
                              )
                            }
                          >
                            Cancel
                          </RowButton>
                        </div>
                      ) : isUnsent ? (
                        <span className="muted">Sent by the computer that queued it</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </LoadedList>
    </div>
  );
}
