import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { ok } from '@shared/result';
import { editAccountFormSchema, type EditAccountForm } from '@shared/schemas/account-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { TextField } from '../../ui/TextField';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';
import { RoleChoices } from './RoleChoices';
import { PanelForm } from '../../ui/PanelForm';

function changedDetails(member: StaffMember, values: EditAccountForm): Partial<EditAccountForm> {
  const sameRoles =
    values.roles.length === member.roles.length && values.roles.every((role) => member.roles.includes(role));
  return {
    ...(values.name !== member.name ? { name: values.name } : {}),
    ...(values.email !== member.email ? { email: values.email } : {}),
    ...(sameRoles ? {} : { roles: values.roles }),
  };
}

/** The manager corrects a colleague's name or email, or changes their roles (each change audited). */
export function EditStaffForm({
  member,
  onDone,
}: {
  readonly member: StaffMember;
  readonly onDone: (saved: StaffMember | undefined) => void;
}) {
  const session = useSession();
  const auth = useAuthService();
  const form = useForm<EditAccountForm>({
    resolver: zodResolver(editAccountFormSchema),
    defaultValues: { name: member.name, email: member.email, roles: [...member.roles] },
  });
  const { isSubmitting } = form.formState;
  const { submit, failure } = useRecordSubmit(
    form,
    // Only what changed is sent, so the audit entry names just that.
    async (values) => {
      const changed = changedDetails(member, values);
      return Object.keys(changed).length === 0 ? ok(member) : auth.updateAccount(session, member.id, changed);
    },
    (saved) => onDone(saved),
  );

  return (
    <PanelForm
      titleId="edit-staff-title"
      title={<>Change {member.name}’s details</>}
      label="Change staff details"
      onSubmit={submit}
      notices={{ failure }}
      actions={{ submitLabel: 'Save changes', isBusy: isSubmitting, onCancel: () => onDone(undefined) }}
    >
      <TextField form={form} name="name" label="Full name" autoComplete="off" />
      <TextField form={form} name="email" label="Work email" type="email" autoComplete="off" />
      <RoleChoices form={form} errorId="edit-roles-error" isDescribedByError />
    </PanelForm>
  );
}
