import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { defaultTimeZone, type HomeSettings } from '@shared/schemas/home';
import { firstRunFormSchema, type FirstRunForm, type FirstRunFormInput } from '@shared/schemas/first-run';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useAuthService } from '../../security/useAuthService';
import { useSessionApi } from '../../security/session-context';
import { AccountFields } from '../accounts';
import { HomeFields } from './HomeFields';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

/**
 * What a new install shows: the home's details and the first account, a Registered Manager, who
 * then adds everyone else. The home's keys are made here, so this is all-or-nothing.
 */
export function FirstRunSetup({ existingHome }: { existingHome: HomeSettings | undefined }) {
  const auth = useAuthService();
  const { begin } = useSessionApi();
  const form = useForm<FirstRunFormInput, unknown, FirstRunForm>({
    resolver: zodResolver(firstRunFormSchema),
    defaultValues: {
      home: existingHome ?? { name: '', ofstedUrn: '', timeZone: defaultTimeZone },
      manager: { name: '', username: '', email: '', password: '', confirmPassword: '' },
    },
  });
  const { isSubmitting } = form.formState;

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => auth.setUpHome({ home: values.home, manager: { ...values.manager } }),
    (signedIn) => begin(signedIn.session, false),
  );

  return (
    <main className="page page--narrow" aria-labelledby="first-run-title">
      <p className="shell__product">Family Links</p>
      <h1 id="first-run-title">Set up your home</h1>
      <p className="lede">
        Family Links keeps your home’s family-contact records on this computer, encrypted. Start with the
        home’s details and your own account as Registered Manager; you will add everyone else’s accounts next.
      </p>
      <FormNotices failure={failure} />
      <SubmitForm label="Set up your home" onSubmit={submit}>
        <fieldset className="fieldset">
          <legend>The home</legend>
          <HomeFields form={form} at={(field) => `home.${field}` as const} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>Your account (Registered Manager)</legend>
          <AccountFields
            form={form}
            at={(field) => `manager.${field}` as const}
            isOwnAccount
            passwordLabel="Password"
          />
        </fieldset>
        <FormActions submitLabel={isSubmitting ? 'Setting up…' : 'Set up the home'} isBusy={isSubmitting} />
      </SubmitForm>
    </main>
  );
}
