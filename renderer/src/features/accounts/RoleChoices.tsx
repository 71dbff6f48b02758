import type { UseFormReturn } from 'react-hook-form';
import { staffRoleLabels, staffRoles, type StaffRole } from '@shared/schemas/staff';
import { FieldError } from '../../ui/FieldError';

type Props = {
  readonly form: Pick<UseFormReturn<{ roles: StaffRole[] }>, 'register' | 'formState'>;
  /** The id of the roles' error message. */
  readonly errorId: string;
  /** Whether the group names its error as its description, so it is read out on entering it. */
  readonly isDescribedByError?: boolean;
};

/** A colleague's roles, one box each; the form's error for them (none chosen) above the boxes. */
export function RoleChoices({ form, errorId, isDescribedByError = false }: Props) {
  const message = form.formState.errors.roles?.message;
  return (
    <fieldset className="fieldset" aria-describedby={isDescribedByError && message ? errorId : undefined}>
      <legend>Roles</legend>
      <FieldError id={errorId} message={message} />
      {staffRoles.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" value={role} {...form.register('roles')} /> {staffRoleLabels[role]}
        </label>
      ))}
    </fieldset>
  );
}
