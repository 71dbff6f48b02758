import { useState } from 'react';
import { Banner } from '../../ui/Banner';
import { dayAndTime } from '@shared/home-time';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { FormReferenceLink } from './FormReferenceLink';
import { useCaseFileQueue } from './useCaseFileQueue';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { TaskButton } from '../../ui/TaskButton';
import { Panel } from '../../ui/Panel';

/** The signed copies still waiting for the case-file folder, with a button to try them all now. */
export function CaseFileQueuePanel() {
  const timeZone = useHomeTimeZone();
  const { waiting, references, tryNow: retry } = useCaseFileQueue();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [isTrying, setIsTrying] = useState(false);

  if (!waiting || waiting.length === 0) {
    return (
      <Panel titleId="copies-waiting-title" title="Copies waiting for the case file">
        {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
        {waiting === undefined ? (
          <p role="status">Checking for copies waiting…</p>
        ) : (
          <p className="empty">None: every signed copy is in the case-file folder.</p>
        )}
      </Panel>
    );
  }

  const tryNow = async () => {
    setIsTrying(true);
    const result = await retry(waiting.map((copy) => copy.id));
    setIsTrying(false);
    setMessage(
      result.waiting === 0
        ? {
            tone: 'success',
            text: `Done: ${result.written === 1 ? 'the copy is' : `all ${result.written} copies are`} in the case-file folder now.`,
          }
        : {
            tone: 'error',
            text: `${result.waiting === 1 ? 'One copy is' : `${result.waiting} copies are`} still waiting: the reason is beside each one below. The forms themselves are filed, signed and safe in the app.`,
          },
    );
  };

  return (
    <Panel titleId="copies-waiting-title" title="Copies waiting for the case file">
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <p className="muted">
        These forms are filed and signed, and kept safely here. Their copy could not be written to the
        case-file folder yet; Family Links tries again by itself.
      </p>
      <table className="table">
        <caption className="visually-hidden">Signed copies waiting for the case-file folder</caption>
        <ColumnHeads columns={['Form', 'Waiting since', 'Tries', 'Next try', 'Why it is waiting']} />
        <tbody>
          {waiting.map((copy) => (
            <tr key={copy.id}>
              <td>
                {references?.get(copy.id) ? (
                  <FormReferenceLink formId={copy.id} reference={references.get(copy.id) ?? ''} />
                ) : (
                  'A form you cannot open'
                )}
              </td>
              <td>{dayAndTime(copy.queuedAt, timeZone)}</td>
              <td>{copy.attempts}</td>
              <td>{dayAndTime(copy.nextAttemptAt, timeZone)}</td>
              <td>{copy.lastError}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TaskButton isSecondary isDisabled={isTrying} onRun={tryNow}>
        {isTrying ? 'Trying…' : 'Try again now'}
      </TaskButton>
    </Panel>
  );
}
