import { useState, type FormEvent } from 'react';
import type { FormAction } from '@shared/schemas/form-actions';
import { formActionReference, type FormActionStatus } from '@shared/rules/form-actions';
import { dayAndTime } from '@shared/home-time';
import { Field } from '../../ui/Field';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { useSession } from '../../security/session-context';
import { FormReferenceLink } from '../contact-forms';
import { actionStatusText, dueByText } from './action-status-text';
import { useFormActionRepository } from './useFormActionRepository';
import { FormActions } from '../../ui/FormActions';
import { RowButton } from '../../ui/RowButton';

type ActionItemProps = {
  readonly action: FormAction;
  readonly status: FormActionStatus;
  /** Who it is for and who does it, as this list needs it said ("For Millie", "Priya Nair"). */
  readonly context: string;
  readonly timeZone: string;
  /** Called with the words to announce once it is marked done. */
  readonly onDone: (message: string) => void;
};

/**
 * One tracked action: what was agreed, for whom and by when, the form it came from, and (while
 * open) "Mark done", which asks for a short note of what was done before it closes it.
 */
function ActionItem({ action, status, context, timeZone, onDone }: ActionItemProps) {
  const [isClosing, setIsClosing] = useState(false);
  const reference = formActionReference(action);
  return (
    <li className="action-item">
      <p className="action-item__what">{action.action}</p>
      <p className="muted">
        {context} · agreed on <FormReferenceLink formId={action.formId} reference={action.formReference} /> ·{' '}
        {dueByText(action.dueOn)}{' '}
        <span className={status.kind === 'overdue' ? 'badge badge--warn' : 'badge'}>
          {actionStatusText(status)}
        </span>
      </p>
      {action.status === 'done' ? (
        <p className="action-item__note">
          Done {action.doneAt ? dayAndTime(action.doneAt, timeZone) : ''}: {action.doneNote}
        </p>
      ) : isClosing ? (
        <MarkDoneForm action={action} onDone={onDone} onCancel={() => setIsClosing(false)} />
      ) : (
        <RowButton name={`Mark done: ${reference}`} onClick={() => setIsClosing(true)}>
          Mark done
        </RowButton>
      )}
    </li>
  );
}

/** Asks what was done, then closes the action; a second press while saving does nothing. */
function MarkDoneForm({
  action,
  onDone,
  onCancel,
}: {
  readonly action: FormAction;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}) {
  const repository = useFormActionRepository();
  const session = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const noteRef = useFocusOnOpen<HTMLTextAreaElement>();
  const reference = formActionReference(action);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSaving) return;
    setIsSaving(true);
    const result = await repository.markDone(session, action.id, { note });
    setIsSaving(false);
    if (!result.ok) {
      setError(result.error.fields?.note ?? result.error.message);
      return;
    }
    onDone(`Marked done: ${reference}.`);
  };

  return (
    <form
      className="form action-item__form"
      aria-label={`Mark done: ${reference}`}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <Field label="What was done?" hint="A short note, kept with the action." error={error}>
        {(wiring) => (
          <textarea
            ref={noteRef}
            className="input"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            {...wiring}
          />
        )}
      </Field>
      <FormActions submitLabel="Mark as done" isBusy={isSaving} onCancel={onCancel} />
    </form>
  );
}

type ActionListProps = {
  readonly items: readonly { readonly action: FormAction; readonly status: FormActionStatus }[];
  /** Who each is for and who does it, as this list needs it said ("For Millie", "Priya Nair"). */
  readonly contextOf: (action: FormAction) => string;
  readonly timeZone: string;
  /** Called with the words to announce once one is marked done. */
  readonly onDone: (message: string) => void;
};

/** Tracked actions as every list of them shows them: each with its status and "Mark done". */
export function ActionList({ items, contextOf, timeZone, onDone }: ActionListProps) {
  return (
    <ul className="action-list">
      {items.map(({ action, status }) => (
        <ActionItem
          key={action.id}
          action={action}
          status={status}
          context={contextOf(action)}
          timeZone={timeZone}
          onDone={onDone}
        />
      ))}
    </ul>
  );
}

/**
 * Where a list's "marked as done" words are read out (`ActionList`'s `onDone`): a status region, so a
 * screen reader says them without moving the focus.
 */
export function ActionDoneAnnouncement({ message }: { readonly message: string }) {
  return (
    <p role="status" className="action-list__announcement">
      {message}
    </p>
  );
}
