import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInFormSchema, type SignInForm } from '@shared/schemas/account-forms';
import { Banner } from '../../ui/Banner';
import { Field, PasswordInput, TextInput } from '../../ui/Field';
import { useSessionApi } from '../../security/session-context';
import { useAuthServicePreloaded } from '../../security/useAuthService';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

/** The only thing a signed-out app shows: nothing about any child until someone signs in. */
export function SignInScreen({ homeName }: { homeName: string }) {
  const { signIn, state } = useSessionApi();
  useAuthServicePreloaded();
  const [failure, setFailure] = useState<string | undefined>();
  const form = useForm<SignInForm>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const notice = state.kind === 'signedOut' ? state.notice : undefined;

  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await signIn(values.username, values.password);
    if (!result.ok) {
      setFailure(result.error.message);
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  return (
    <main className="page page--narrow" aria-labelledby="sign-in-title">
      <p className="shell__product">Family Links · {homeName}</p>
      <h1 id="sign-in-title">Sign in</h1>
      {notice ? <Banner tone="info">{notice}</Banner> : null}
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <SubmitForm label="Sign in" onSubmit={submit}>
        <Field label="Username" error={errors.username?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              autoComplete="username"
              spellCheck={false}
              autoFocus
              {...form.register('username')}
            />
          )}
        </Field>
        <Field label="Password" error={errors.password?.message}>
          {(wiring) => <PasswordInput {...wiring} {...form.register('password')} />}
        </Field>
        <FormActions submitLabel={isSubmitting ? 'Signing in…' : 'Sign in'} isBusy={isSubmitting} />
      </SubmitForm>
    </main>
  );
}
