import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { resetPasswordFormSchema, type ResetPasswordForm as FormValues } from '@shared/schemas/account-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { Field, PasswordInput } from '../../ui/Field';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { useHomeClock } from '../../common/useHomeClock';
import { TemporaryPasswordMaker } from './TemporaryPasswordMaker';
import { PanelForm } from '../../ui/PanelForm';

/** Sets a temporary password for a colleague (also how a locked-out person gets back in). */
export function ResetPasswordForm({
  member,
  onDone,
}: {
  member: StaffMember;
  onDone: (didReset: boolean) => void;
}) {
  const session = useSession();
  const auth = useAuthService();
  const { homeName } = useHomeClock();
  const form = useForm<FormValues>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { temporaryPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, failure } = useRecordSubmit(
    form,
    (values) => auth.resetPassword(session, member.id, values.temporaryPassword),
    () => onDone(true),
    { invalidMessage: null },
  );

  return (
    <PanelForm
      titleId="reset-title"
      title={<>Reset {member.name}’s password</>}
      label="Reset password"
      intro={
        <p className="lede">
          They must choose a new password the next time they sign in. This also unlocks the account.
        </p>
      }
      onSubmit={submit}
      notices={{ failure }}
      actions={{ submitLabel: 'Reset password', isBusy: isSubmitting, onCancel: () => onDone(false) }}
    >
      <TemporaryPasswordMaker
        context={() => ({ name: member.name, username: member.username, email: member.email, homeName })}
        onMade={(password) => {
          form.setValue('temporaryPassword', password);
          form.setValue('confirmPassword', password);
        }}
      />
      <Field label="Temporary password" error={errors.temporaryPassword?.message}>
        {(wiring) => <PasswordInput {...wiring} isNew {...form.register('temporaryPassword')} />}
      </Field>
      <Field label="Type the temporary password again" error={errors.confirmPassword?.message}>
        {(wiring) => <PasswordInput {...wiring} isNew {...form.register('confirmPassword')} />}
      </Field>
    </PanelForm>
  );
}
