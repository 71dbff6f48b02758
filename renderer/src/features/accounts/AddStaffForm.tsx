import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { newAccountFormSchema, type NewAccountForm } from '@shared/schemas/account-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { AccountFields } from './AccountFields';

/** The manager adds a colleague with a temporary password, to be changed at first sign-in. */
export function AddStaffForm({ onDone }: { onDone: (added: StaffMember | undefined) => void }) {
  const session = useSession();
  const auth = useAuthService();
  const [failure, setFailure] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<NewAccountForm>({
    resolver: zodResolver(newAccountFormSchema),
    defaultValues: { name: '', username: '', email: '', roles: [], password: '', confirmPassword: '' },
  });
  useEffect(() => headingRef.current?.focus(), []);

  const submit = form.handleSubmit(
    async (values) => {
      const result = await auth.createAccount(session, values);
      if (!result.ok) {
        applyFieldErrors(result.error.fields, form.setError);
        setFailure(result.error.message);
        return;
      }
      onDone(result.value);
    },
    () => setFailure('Some details need correcting. Each problem is shown beside its field.'),
  );

  return (
    <section className="panel" aria-labelledby="add-staff-title">
      <h2 id="add-staff-title" ref={headingRef} tabIndex={-1}>
        Add a staff member
      </h2>
      <p className="lede">
        Give them the temporary password in person. They will choose their own when they first sign in.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="form"
        aria-label="Add a staff member"
      >
        <AccountFields
          register={form.register}
          errors={form.formState.errors}
          showRoles
          passwordLabel="Temporary password"
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Adding…' : 'Add staff member'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onDone(undefined)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
