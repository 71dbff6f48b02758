import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { resetPasswordFormSchema, type ResetPasswordForm as FormValues } from '@shared/schemas/account-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';

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
  const [failure, setFailure] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { temporaryPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => headingRef.current?.focus(), []);

  const submit = form.handleSubmit(async (values) => {
    const result = await auth.resetPassword(session, member.id, values.temporaryPassword);
    if (!result.ok) {
      applyFieldErrors(result.error.fields, form.setError);
      setFailure(result.error.message);
      return;
    }
    onDone(true);
  });

  return (
    <section className="panel" aria-labelledby="reset-title">
      <h2 id="reset-title" ref={headingRef} tabIndex={-1}>
        Reset {member.name}’s password
      </h2>
      <p className="lede">
        They must choose a new password the next time they sign in. This also unlocks the account.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-label="Reset password">
        <Field label="Temporary password" error={errors.temporaryPassword?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              type="password"
              autoComplete="new-password"
              {...form.register('temporaryPassword')}
            />
          )}
        </Field>
        <Field label="Type the temporary password again" error={errors.confirmPassword?.message}>
          {(wiring) => (
            <TextInput
              {...wiring}
              type="password"
              autoComplete="new-password"
              {...form.register('confirmPassword')}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            Reset password
          </button>
          <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
