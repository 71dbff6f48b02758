import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  defaultTimeZone,
  homeSettingsSchema,
  type HomeSettings,
  type HomeSettingsInput,
} from '@shared/schemas/home';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { HomeFields } from './HomeFields';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

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
  const { isSubmitting } = form.formState;
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
    <SubmitForm label="Home details" onSubmit={submit}>
      <FormNotices failure={failure} saved={saved} draftRestoredAt={draft.restoredAt} />
      <HomeFields form={form} at={(field) => field} />
      <FormActions submitLabel="Save home details" isBusy={isSubmitting} />
    </SubmitForm>
  );
}
