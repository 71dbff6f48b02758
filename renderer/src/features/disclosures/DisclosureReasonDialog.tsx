import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, useWatch, type DefaultValues } from 'react-hook-form';
import {
  disclosureKindLabels,
  disclosureReasonFormSchema,
  disclosureReasonLabels,
  disclosureReasons,
  type DisclosureReasonForm,
} from '@shared/schemas/disclosures';
import { ChoiceField, TextAreaField, TextField } from '../../ui/TextField';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { DisclosureDialogProps } from './useDisclosure';
import './disclosures.css';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

// No reason is chosen for the person: it is theirs to pick each time ("Choose…" until they do).
const blank: DefaultValues<DisclosureReasonForm> = { recipient: '', reasonDetail: '' };

/**
 * "Why is this leaving the app?": asked every time a copy is made (seed 003: disclosures are noted
 * and confirmed in writing). A modal <dialog>, so focus stays in it and Escape cancels; cancelling
 * stops the export.
 */
export function DisclosureReasonDialog({ request, onAnswer, onCancel }: DisclosureDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const form = useForm<DisclosureReasonForm>({
    resolver: zodResolver(disclosureReasonFormSchema),
    defaultValues: blank,
  });
  const { isSubmitting } = form.formState;
  const isOther = useWatch({ control: form.control, name: 'reason' }) === 'other';
  const isOpen = request !== undefined;

  // The hook that asked closes the dialog once the answer is recorded: nothing more to do here.
  const { submit, failure, setFailure } = useRecordSubmit(form, onAnswer, () => undefined);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      form.reset(blank);
      setFailure(undefined);
      dialog.showModal();
    }
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen, form, setFailure]);

  return (
    <dialog
      ref={dialogRef}
      className="disclosure-dialog"
      aria-labelledby="disclosure-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {request ? (
        <SubmitForm label="Why is this leaving the app?" onSubmit={submit}>
          <h2 id="disclosure-dialog-title">Why is this leaving the app?</h2>
          <p>
            <span className="disclosure-dialog__what">{request.what}</span> (
            {disclosureKindLabels[request.kind]}). Your answer goes in the disclosure log with your name and
            the time.
          </p>
          <FormNotices failure={failure} />
          <TextField
            form={form}
            name="recipient"
            label="Who is it for, or where is it going?"
            hint="For example “Ofsted inspector” or “case file, shared drive”."
            autoComplete="off"
          />
          <ChoiceField
            form={form}
            name="reason"
            label="Why"
            values={disclosureReasons}
            labels={disclosureReasonLabels}
          />
          <TextAreaField
            form={form}
            name="reasonDetail"
            label={isOther ? 'The reason' : 'More about the reason (optional)'}
            rows={2}
          />
          <FormActions submitLabel="Record and continue" isBusy={isSubmitting} onCancel={onCancel} />
        </SubmitForm>
      ) : null}
    </dialog>
  );
}
