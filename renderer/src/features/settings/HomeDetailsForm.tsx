import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  defaultTimeZone,
  homeSettingsSchema,
  type HomeSettings,
  type HomeSettingsInput,
} from '@shared/schemas/home';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { TimeZoneSelect } from './TimeZoneSelect';

type Props = {
  readonly initial: HomeSettings | undefined;
  readonly repository: HomeSettingsRepository;
};

/** The home's name, Ofsted URN and time zone (the manager changes them in Home details). */
export function HomeDetailsForm({ initial, repository }: Props) {
  const session = useSession();
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; message: string } | undefined>();
  const form = useForm<HomeSettingsInput, unknown, HomeSettings>({
    resolver: zodResolver(homeSettingsSchema),
    defaultValues: initial ?? { name: '', ofstedUrn: '', timeZone: defaultTimeZone },
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useDraft('home-details', form);

  const submit = form.handleSubmit(async (values) => {
    const result = await repository.save(session, values);
    if (!result.ok) {
      applyFieldErrors(result.error.fields, form.setError);
      setOutcome({ tone: 'error', message: result.error.message });
      return;
    }
    // Reset first: a reset counts as a change, so clearing after it also cancels the draft save
    // that change would otherwise schedule.
    form.reset(result.value);
    await draft.clear();
    setOutcome({ tone: 'success', message: 'Home details saved.' });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-label="Home details">
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      {draft.restoredAt && !outcome ? (
        <Banner tone="info">We kept what you were typing. Check it, then save.</Banner>
      ) : null}
      <Field label="Home name" error={errors.name?.message}>
        {(wiring) => <TextInput {...wiring} autoComplete="organization" {...form.register('name')} />}
      </Field>
      <Field
        label="Ofsted URN"
        hint="On the home’s registration certificate, for example SC123456."
        error={errors.ofstedUrn?.message}
      >
        {(wiring) => (
          <TextInput
            {...wiring}
            className="input input--short"
            spellCheck={false}
            {...form.register('ofstedUrn')}
          />
        )}
      </Field>
      <Field
        label="Time zone"
        hint="Deadlines such as the 48-hour contact form follow this zone’s clock changes."
        error={errors.timeZone?.message}
      >
        {(wiring) => <TimeZoneSelect wiring={wiring} registration={form.register('timeZone')} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          Save home details
        </button>
      </div>
    </form>
  );
}
