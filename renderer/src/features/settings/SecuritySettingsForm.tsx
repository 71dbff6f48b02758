import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { securitySettingsSchema, type SecuritySettings } from '@shared/schemas/security-settings';
import { Field, TextInput } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { HomeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { useSession } from '../../security/session-context';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

/** How long an unattended screen stays open before Family Links locks itself. */
export function SecuritySettingsForm({
  initial,
  repository,
}: {
  initial: SecuritySettings;
  repository: HomeSettingsRepository;
}) {
  const session = useSession();
  const [saved, setSaved] = useState<string | undefined>();
  const form = useForm<{ autoLockMinutes: unknown }, unknown, SecuritySettings>({
    resolver: zodResolver(securitySettingsSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.saveSecurity(session, values),
    (security) => {
      form.reset(security);
      setSaved(
        `Family Links will lock after ${security.autoLockMinutes} minute${security.autoLockMinutes === 1 ? '' : 's'} without use.`,
      );
    },
    { invalidMessage: null },
  );

  return (
    <SubmitForm label="Automatic lock" onSubmit={submit}>
      <FormNotices failure={failure} saved={saved} />
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
      <FormActions submitLabel="Save lock setting" isBusy={isSubmitting} />
    </SubmitForm>
  );
}
