import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { defaultTimeZone, type HomeSettings } from '@shared/schemas/home';
import { firstRunFormSchema, type FirstRunForm, type FirstRunFormInput } from '@shared/schemas/first-run';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useAuthService } from '../../security/useAuthService';
import { useSessionApi } from '../../security/session-context';
import { TimeZoneSelect } from './TimeZoneSelect';
import { FormActions } from '../../ui/FormActions';

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
  const { errors, isSubmitting } = form.formState;

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
      <form onSubmit={submit} noValidate className="form" aria-label="Set up your home">
        <fieldset className="fieldset">
          <legend>The home</legend>
          <TextField form={form} name="home.name" label="Home name" autoComplete="organization" />
          <TextField
            form={form}
            name="home.ofstedUrn"
            label="Ofsted URN"
            hint="On the home’s registration certificate, for example SC123456."
            className="input input--short"
            spellCheck={false}
          />
          <Field
            label="Time zone"
            hint="Deadlines such as the 48-hour contact form follow this zone’s clock changes."
            error={errors.home?.timeZone?.message}
          >
            {(wiring) => <TimeZoneSelect wiring={wiring} registration={form.register('home.timeZone')} />}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Your account (Registered Manager)</legend>
          <TextField form={form} name="manager.name" label="Full name" autoComplete="name" />
          <TextField
            form={form}
            name="manager.username"
            label="Username"
            hint="What you type to sign in: letters, digits, dots or dashes."
            className="input input--short"
            spellCheck={false}
            autoComplete="username"
          />
          <TextField form={form} name="manager.email" label="Work email" type="email" autoComplete="email" />
          <TextField
            form={form}
            name="manager.password"
            label="Password"
            hint="At least 12 characters and hard to guess: three or four random words work well."
            type="password"
            autoComplete="new-password"
          />
          <TextField
            form={form}
            name="manager.confirmPassword"
            label="Type the password again"
            type="password"
            autoComplete="new-password"
          />
        </fieldset>
        <FormActions submitLabel={isSubmitting ? 'Setting up…' : 'Set up the home'} isBusy={isSubmitting} />
      </form>
    </main>
  );
}
