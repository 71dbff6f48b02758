import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { newAccountFormSchema, type NewAccountForm } from '@shared/schemas/account-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { AccountFields } from './AccountFields';
import { RoleChoices } from './RoleChoices';
import { TemporaryPasswordMaker } from './TemporaryPasswordMaker';
import { useHomeClock } from '../../common/useHomeClock';
import { PanelForm } from '../../ui/PanelForm';

/** The manager adds a colleague with a temporary password, to be changed at first sign-in. */
export function AddStaffForm({ onDone }: { onDone: (added: StaffMember | undefined) => void }) {
  const session = useSession();
  const auth = useAuthService();
  const { homeName } = useHomeClock();
  const form = useForm<NewAccountForm>({
    resolver: zodResolver(newAccountFormSchema),
    defaultValues: { name: '', username: '', email: '', roles: [], password: '', confirmPassword: '' },
  });
  const { submit, failure } = useRecordSubmit(
    form,
    (values) => auth.createAccount(session, values),
    (saved) => onDone(saved),
  );

  return (
    <PanelForm
      titleId="add-staff-title"
      title="Add a staff member"
      label="Add a staff member"
      intro={
        <p className="lede">
          Give them the temporary password in person. They will choose their own when they first sign in.
        </p>
      }
      onSubmit={submit}
      notices={{ failure }}
      actions={{
        submitLabel: form.formState.isSubmitting ? 'Adding…' : 'Add staff member',
        isBusy: form.formState.isSubmitting,
        onCancel: () => onDone(undefined),
      }}
    >
      <AccountFields
        form={form}
        at={(field) => field}
        isOwnAccount={false}
        passwordLabel="Temporary password"
        roles={<RoleChoices form={form} errorId="roles-error" />}
      />
      <TemporaryPasswordMaker
        context={() => {
          const { name, username, email } = form.getValues();
          return { name, username, email, homeName };
        }}
        onMade={(password) => {
          form.setValue('password', password);
          form.setValue('confirmPassword', password);
        }}
      />
    </PanelForm>
  );
}
