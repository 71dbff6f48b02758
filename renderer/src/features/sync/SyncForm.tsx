import { useState, type FormEvent, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { Result } from '@shared/result';
import { Banner } from '../../ui/Banner';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { SubmitForm } from '../../ui/SubmitForm';

/** What the server or the app refused: beside the field the person can mend, or above the form. */
type Refusal<Values extends FieldValues> = { readonly message: string; readonly field?: Path<Values> };

/**
 * The refusal in a sync call's result, if it failed; a code the server called `invalid` goes
 * beside `invalidField` (the computer's name, the pairing code) where the form has one.
 */
export function refusalOf<Values extends FieldValues>(
  result: Result<unknown> | undefined,
  invalidField?: Path<Values>,
): Refusal<Values> | undefined {
  if (!result || result.ok) return undefined;
  const { code, message } = result.error;
  return code === 'invalid' && invalidField ? { message, field: invalidField } : { message };
}

/**
 * Sending a sync form: the values its schema checked go to `send` (a call to the server, through
 * the screen's hook), whose refusal shows beside its field or as `problem` above the form. The
 * screen holds the form and the problem, so both outlast a form hidden while it works.
 */
export function useSyncSubmit<Values extends FieldValues, Checked>(
  form: UseFormReturn<Values, unknown, Checked>,
  send: (values: Checked) => Promise<Refusal<NoInfer<Values>> | undefined>,
) {
  const [problem, setProblem] = useState<string>();
  const handle = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const refusal = await send(values);
    if (refusal?.field) form.setError(refusal.field, { type: 'server', message: refusal.message });
    else if (refusal) setProblem(refusal.message);
  });
  return {
    problem,
    submit: (event?: FormEvent) => void handle(event),
    isBusy: form.formState.isSubmitting,
  };
}

type Props = {
  readonly label: string;
  readonly sending: ReturnType<typeof useSyncSubmit>;
  readonly submitLabel: string;
  readonly busyLabel: string;
  readonly isDanger?: boolean;
  readonly isDisabled?: boolean;
  readonly onCancel?: (() => void) | undefined;
  readonly cancelLabel?: string;
  readonly children: ReactNode;
};

/** A sync form: what the server refused above it, its fields, then its action and a way out. */
export function SyncForm({
  label,
  sending,
  submitLabel,
  busyLabel,
  isDisabled,
  children,
  ...actions
}: Props) {
  return (
    <>
      {sending.problem ? <Banner tone="error">{sending.problem}</Banner> : null}
      <SubmitForm label={label} onSubmit={sending.submit}>
        {children}
        <FormActions
          submitLabel={sending.isBusy ? busyLabel : submitLabel}
          isBusy={sending.isBusy || isDisabled}
          {...actions}
        />
      </SubmitForm>
    </>
  );
}

type AdminForm = { admin: { name: string; password: string } };

/** The server admin's sign-in, asked for each time and kept nowhere. */
export function AdminFields({ form }: { form: Pick<UseFormReturn<AdminForm>, 'register' | 'formState'> }) {
  return (
    <fieldset className="fieldset">
      <legend>The server admin’s sign-in</legend>
      <p className="field__hint">Used for this once and not kept on this computer.</p>
      <TextField
        form={form}
        name="admin.name"
        label="Admin user name"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        form={form}
        name="admin.password"
        label="Admin password"
        type="password"
        autoComplete="current-password"
      />
    </fieldset>
  );
}
