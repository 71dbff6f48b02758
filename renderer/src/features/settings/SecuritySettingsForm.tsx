import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { securitySettingsSchema, type SecuritySettings } from '@shared/schemas/security-settings';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';

/** How long an unattended screen stays open before Family Links locks itself. */
export function SecuritySettingsForm({
  initial,
  repository,
}: {
  initial: SecuritySettings;
  repository: HomeSettingsRepository;
}) {
  const session = useSession();
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; message: string } | undefined>();
  const form = useForm<{ autoLockMinutes: unknown }, unknown, SecuritySettings>({
    resolver: zodResolver(securitySettingsSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await repository.saveSecurity(session, values);
    if (!result.ok) {
      applyFieldErrors(result.error.fields, form.setError);
      setOutcome({ tone: 'error', message: result.error.message });
      return;
    }
    form.reset(result.value);
    setOutcome({
      tone: 'success',
      message: `Family Links will lock after ${result.value.autoLockMinutes} minute${result.value.autoLockMinutes === 1 ? '' : 's'} without use.`,
    });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-label="Automatic lock">
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      <Field
        label="Lock after this many minutes without use"
        hint="Between 1 and 30. It also locks when the computer is locked or goes to sleep."
        error={errors.autoLockMinutes?.message}
      >
        {(wiring) => (
          <TextInput
            {...wiring}
            type="number"
            min={1}
            max={30}
            inputMode="numeric"
            className="input input--short"
            {...form.register('autoLockMinutes')}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          Save lock setting
        </button>
      </div>
    </form>
  );
}
