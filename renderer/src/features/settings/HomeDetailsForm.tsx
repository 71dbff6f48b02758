import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  defaultTimeZone,
  homeSettingsSchema,
  type HomeSettings,
  type HomeSettingsInput,
} from '@shared/schemas/home';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { TimeZoneSelect } from './TimeZoneSelect';
import { FormActions } from '../../ui/FormActions';

type Props = {
  readonly initial: HomeSettings | undefined;
  readonly repository: HomeSettingsRepository;
};

/** The home's name, Ofsted URN and time zone (the manager changes them in Home details). */
export function HomeDetailsForm({ initial, repository }: Props) {
  const session = useSession();
  const [saved, setSaved] = useState<string | undefined>();
  const form = useForm<HomeSettingsInput, unknown, HomeSettings>({
    resolver: zodResolver(homeSettingsSchema),
    defaultValues: initial ?? { name: '', ofstedUrn: '', timeZone: defaultTimeZone },
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useDraft('home-details', form);

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.save(session, values),
    async (home) => {
      // Reset first: a reset counts as a change, so clearing after it also cancels the draft save
      // that change would otherwise schedule.
      form.reset(home);
      await draft.clear();
      setSaved('Home details saved.');
    },
    { invalidMessage: null },
  );

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Home details">
      <FormNotices failure={failure} saved={saved} draftRestoredAt={draft.restoredAt} />
      <TextField form={form} name="name" label="Home name" autoComplete="organization" />
      <TextField
        form={form}
        name="ofstedUrn"
        label="Ofsted URN"
        hint="On the home’s registration certificate, for example SC123456."
        className="input input--short"
        spellCheck={false}
      />
      <Field
        label="Time zone"
        hint="Deadlines such as the 48-hour contact form follow this zone’s clock changes."
        error={errors.timeZone?.message}
      >
        {(wiring) => <TimeZoneSelect wiring={wiring} registration={form.register('timeZone')} />}
      </Field>
      <FormActions submitLabel="Save home details" isBusy={isSubmitting} />
    </form>
  );
}
