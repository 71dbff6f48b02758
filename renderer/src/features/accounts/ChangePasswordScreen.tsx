import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { changePasswordFormSchema, type ChangePasswordForm } from '@shared/schemas/account-forms';
import { Banner } from '../../ui/Banner';
import { Field, PasswordInput } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useSession, useSessionApi } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { SubmitForm } from '../../ui/SubmitForm';
import { FormActions } from '../../ui/FormActions';

/**
 * The person's own password. After a manager's reset this is the only screen shown until the
 * temporary password is replaced (`isRequired`).
 */
export function ChangePasswordScreen({ isRequired }: { isRequired: boolean }) {
  const session = useSession();
  const auth = useAuthService();
  const { passwordChanged, signOut } = useSessionApi();
  const [saved, setSaved] = useState<string | undefined>();
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => auth.changeOwnPassword(session, values.currentPassword, values.newPassword),
    () => {
      form.reset();
      setSaved('Your password has been changed.');
      passwordChanged();
    },
    { invalidMessage: null },
  );

  return (
    <div className="page page--narrow">
      <h1>{isRequired ? 'Choose your own password' : 'My account'}</h1>
      {isRequired ? (
        // Said the same way for a new account and after a reset: either way the password used to
        // sign in was a temporary one someone else knows.
        <Banner tone="info">
          You signed in with a temporary password. Choose your own, one that only you know, before you carry
          on.
        </Banner>
      ) : (
        <p className="lede">
          Signed in as {session.staff.name} ({session.staff.username}).
        </p>
      )}
      <FormNotices failure={failure} saved={saved} />
      <SubmitForm label="Change password" onSubmit={submit}>
        <Field
          label={isRequired ? 'Temporary password' : 'Current password'}
          error={errors.currentPassword?.message}
        >
          {(wiring) => <PasswordInput {...wiring} {...form.register('currentPassword')} />}
        </Field>
        <Field
          label="New password"
          hint="At least 12 characters and hard to guess: three or four random words work well."
          error={errors.newPassword?.message}
        >
          {(wiring) => <PasswordInput {...wiring} isNew {...form.register('newPassword')} />}
        </Field>
        <Field label="Type the new password again" error={errors.confirmPassword?.message}>
          {(wiring) => <PasswordInput {...wiring} isNew {...form.register('confirmPassword')} />}
        </Field>
        <FormActions
          submitLabel="Change password"
          isBusy={isSubmitting}
          onCancel={isRequired ? () => void signOut() : undefined}
          cancelLabel="Sign out"
        />
      </SubmitForm>
    </div>
  );
}
