import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { can } from '@shared/rules/access';
import { contactFormSettingsSchema, type ContactFormSettings } from '@shared/schemas/contact-forms';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useContactFormSettings } from './useContactFormSettings';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';
import { DamagedSettingsNotice } from '../../ui/DamagedSettingsNotice';

/** The manager's setting: how many hours after a contact its form is due (the policy says 48). */
export function ContactFormSettingsForm() {
  const session = useSession();
  const { current, damaged, save } = useContactFormSettings();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const form = useForm<ContactFormSettings>({
    resolver: zodResolver(contactFormSettingsSchema),
    defaultValues: { dueHours: 48 },
  });
  const { reset } = form;
  useEffect(() => {
    if (current) reset(current);
  }, [current, reset]);
  if (!can(session.roles, 'settings:manage')) return null;

  const submit = form.handleSubmit(async (values) => {
    const result = await save(values);
    if (!result.ok) {
      applyFieldErrors(result.error.fields, form.setError);
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    setMessage({
      tone: 'success',
      text: `Saved. Forms for contacts from now on are due ${result.value.dueHours} hours after the contact ends; forms already due keep their time.`,
    });
  });

  return (
    <Panel titleId="contact-form-settings-title" title="Time allowed for a contact form">
      {damaged ? (
        <DamagedSettingsNotice meanwhile="forms are due 48 hours after the contact, as the policy says" />
      ) : null}
      {/* Shown once the saved hours are read, so nothing typed before then is replaced by them. */}
      {current === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <SubmitForm label="Time allowed for a contact form" onSubmit={submit}>
          {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
          <Field
            label="Hours after the contact ends"
            hint="The policy says 48. Counted in real hours, so a clock change does not shorten or stretch it."
            error={form.formState.errors.dueHours?.message}
          >
            {(wiring) => (
              <TextInput
                type="number"
                min={1}
                className="input input--short"
                {...wiring}
                {...form.register('dueHours', { valueAsNumber: true })}
              />
            )}
          </Field>
          <FormActions submitLabel="Save" />
        </SubmitForm>
      )}
    </Panel>
  );
}
