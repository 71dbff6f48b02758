import { useRef, useState } from 'react';
import { hashFor } from '../../common/routes';
import { Field } from '../../ui/Field';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

/**
 * "Write an addendum" under a filed form: what it corrects, then a new draft addendum opens. The
 * original stays as it was signed; the addendum is written and signed like any form.
 */
export function AddendumForm({ formId }: { readonly formId: string }) {
  const session = useSession();
  const repository = useContactFormRepository();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isAmending, setIsAmending] = useState(false);
  // A second press while the first is starting one would start a second addendum (or clash with
  // the first's reference and show "Something went wrong" for an addendum that did start).
  const [isStarting, setIsStarting] = useState(false);
  const isBusy = useRef(false);

  const startAddendum = async () => {
    if (isBusy.current) return;
    isBusy.current = true;
    setIsStarting(true);
    try {
      const result = await repository.startAddendum(session, formId, reason);
      if (!result.ok) {
        setError(result.error.fields?.reason ?? result.error.message);
        return;
      }
      window.location.hash = hashFor('contact-forms', result.value.id).slice(1);
    } finally {
      isBusy.current = false;
      setIsStarting(false);
    }
  };

  return isAmending ? (
    <SubmitForm label="Write an addendum" onSubmit={() => startAddendum()}>
      <Field
        label="What does the addendum correct?"
        hint="For example “The call was with Mum, not Dad”. The original stays in the case file unchanged."
        error={error}
      >
        {(wiring) => (
          <textarea
            className="input"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            {...wiring}
          />
        )}
      </Field>
      <FormActions
        submitLabel={isStarting ? 'Starting…' : 'Start the addendum'}
        isBusy={isStarting}
        onCancel={() => setIsAmending(false)}
        isCancelDisabled={isStarting}
      />
    </SubmitForm>
  ) : (
    <button type="button" className="button button--secondary" onClick={() => setIsAmending(true)}>
      Write an addendum
    </button>
  );
}
