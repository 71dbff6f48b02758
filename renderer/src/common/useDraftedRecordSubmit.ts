import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { Result } from '@shared/result';
import { useDraft } from '../security/useDraft';
import { useRecordSubmit } from './useRecordSubmit';

/**
 * Saving a record from a form whose typing is kept as a draft under `draftKey` (`useDraft`): as
 * `useRecordSubmit`, and once the record is saved the draft goes before `onDone` has it. `leave`
 * is the way out that lets go of what was typed: the draft goes, then `onDone` has nothing.
 */
export function useDraftedRecordSubmit<Input extends FieldValues, Output extends Input, Saved>(
  form: UseFormReturn<Input, unknown, Output>,
  draftKey: string,
  save: (values: Output) => Promise<Result<Saved>>,
  onDone: (saved: Saved | undefined) => void,
  options?: Parameters<typeof useRecordSubmit>[3],
) {
  const draft = useDraft(draftKey, form);
  const { submit, failure } = useRecordSubmit(
    form,
    save,
    async (saved) => {
      await draft.clear();
      onDone(saved);
    },
    options,
  );
  return {
    submit,
    failure,
    draftRestoredAt: draft.restoredAt,
    leave: () => void draft.clear().then(() => onDone(undefined)),
  };
}
