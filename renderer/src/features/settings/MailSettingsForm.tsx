import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  mailSecurityLabels,
  mailSecurityModes,
  mailSettingsSchema,
  type MailSettings,
  type MailSettingsForm as MailSettingsFormValues,
} from '@shared/schemas/mail';
import type { IpcReply } from '@shared/ipc/contract';
import type { MailSettingsChanges } from './useMailSettings';
import { Banner } from '../../ui/Banner';
import { TextAreaField, TextField } from '../../ui/TextField';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';
import { CheckboxField } from '../../ui/CheckboxField';

const formSchema = mailSettingsSchema.extend({
  password: z.string().max(1000, { message: 'That password is too long.' }),
});
type FormInput = MailSettingsFormValues & { password: string };
type FormOutput = MailSettings & { password: string };

type Props = {
  readonly view: IpcReply<'mail:get-settings'>;
  /** Undefined in a window with no bridge to the main process. */
  readonly save: MailSettingsChanges['save'];
  readonly onSaved: (view: IpcReply<'mail:get-settings'>) => Promise<void>;
};

const blank: FormInput = {
  host: '',
  port: 587,
  security: 'starttls',
  username: '',
  fromAddress: '',
  fromName: 'Family Links',
  caCertificatePem: '',
  attachSignedPdf: false,
  password: '',
};

/** The manager's mail server settings. The password goes to the main process and never comes back. */
export function MailSettingsForm({ view, save, onSaved }: Props) {
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; message: string } | undefined>();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: view.settings ? { ...view.settings, password: '' } : blank,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password, ...settings }) => {
    setOutcome(undefined);
    // A password kept for this server while the sender waits to be confirmed is bound again by this save.
    if (!view.hasPassword && !view.isSenderUnconfirmed && !password) {
      form.setError(
        'password',
        { type: 'required', message: 'Enter the password for this mail account.' },
        { shouldFocus: true },
      );
      return;
    }
    if (!save) {
      setOutcome({
        tone: 'error',
        message: 'This window has no connection to Family Links’ background service, so nothing was saved.',
      });
      return;
    }
    const result = await save({ settings, ...(password ? { password } : {}) });
    if (!result.ok) {
      setOutcome({ tone: 'error', message: result.error.message });
      return;
    }
    if (result.value.outcome === 'refused') {
      applyFieldErrors(result.value.fields, form.setError);
      setOutcome({ tone: 'error', message: result.value.message });
      return;
    }
    form.reset({ ...result.value.view.settings!, password: '' });
    setOutcome({ tone: 'success', message: 'Mail settings saved.' });
    await onSaved(result.value.view);
  });

  return (
    <SubmitForm label="Mail settings" onSubmit={submit}>
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      <TextField
        form={form}
        name="host"
        label="Mail server"
        hint="Its name, for example smtp.office365.com. Your IT support or email provider can tell you."
        spellCheck={false}
        autoComplete="off"
      />
      <TextField form={form} name="port" label="Port" className="input input--short" inputMode="numeric" />
      <fieldset className="fieldset">
        <legend>How the connection is encrypted</legend>
        <p className="field__hint">
          Family Links only sends over an encrypted connection, and checks the server’s certificate.
        </p>
        {mailSecurityModes.map((mode) => (
          <label key={mode} className="checkbox">
            <input type="radio" value={mode} {...form.register('security')} />
            {mailSecurityLabels[mode]}
          </label>
        ))}
        {errors.security?.message ? <p className="field__error">{errors.security.message}</p> : null}
      </fieldset>
      <TextField form={form} name="username" label="User name" spellCheck={false} autoComplete="off" />
      <TextField
        form={form}
        name="password"
        label="Password"
        hint={
          view.hasPassword || view.isSenderUnconfirmed
            ? 'A password is stored. Leave this empty to keep it, or type a new one. A new server, port, user name or CA needs it typed again: it is only ever sent to the server it was saved for.'
            : 'Kept by this computer’s protected storage, never in Family Links’ records.'
        }
        type="password"
        autoComplete="new-password"
      />
      <TextField
        form={form}
        name="fromAddress"
        label="Send from (email address)"
        type="email"
        spellCheck={false}
      />
      <TextField
        form={form}
        name="fromName"
        label="Sender’s name"
        hint="What people see the alerts come from."
      />
      <TextAreaField
        form={form}
        name="caCertificatePem"
        label="Your organisation’s CA certificate (optional)"
        hint="Only if your IT support says the mail server uses a certificate from your organisation’s own authority. Paste it as PEM text."
        rows={5}
        spellCheck={false}
      />
      <CheckboxField
        form={form}
        name="attachSignedPdf"
        label="Attach the signed PDF of a filed contact form to its alert"
      />
      <p className="field__hint">
        Off unless you turn it on: the alert then carries the whole form, not just initials and a reference.
      </p>
      <FormActions submitLabel="Save mail settings" isBusy={isSubmitting} />
    </SubmitForm>
  );
}
