import { useState, type FormEvent } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Result } from '@shared/result';
import { applyFieldErrors } from '../ui/apply-field-errors';

const checkTheFields = 'Some details need correcting. Each problem is shown beside its field.';

/**
 * Saving a record from a form: the values the form's schema checked go to `save` (a repository
 * call, through the screen's hook); a refusal puts each field's message beside its field and the
 * reason in `failure`; what was saved goes to `onSaved`. Checks that fail in the form itself say
 * `invalidMessage` (null: the fields alone say it).
 */
export function useRecordSubmit<Input extends FieldValues, Output, Saved>(
  form: UseFormReturn<Input, unknown, Output>,
  save: (values: Output) => Promise<Result<Saved>>,
  onSaved: (saved: Saved) => void | Promise<void>,
  { invalidMessage = checkTheFields }: { readonly invalidMessage?: string | null } = {},
) {
  const [failure, setFailure] = useState<string | undefined>();
  const handle = form.handleSubmit(
    async (values) => {
      const result = await save(values);
      if (!result.ok) {
        applyFieldErrors(result.error.fields, form.setError);
        setFailure(result.error.message);
        return;
      }
      setFailure(undefined);
      await onSaved(result.value);
    },
    () => {
      if (invalidMessage !== null) setFailure(invalidMessage);
    },
  );
  return { submit: (event?: FormEvent) => void handle(event), failure, setFailure };
}
