import type { UseFormReturn } from 'react-hook-form';
import { staffRoleLabels, staffRoles } from '@shared/schemas/staff';
import type { NewAccountForm } from '@shared/schemas/account-forms';
import { TextField } from '../../ui/TextField';

type Props = {
  readonly form: UseFormReturn<NewAccountForm>;
  /** First run makes a Registered Manager; the roles are not offered then. */
  readonly showRoles: boolean;
  readonly passwordLabel: string;
};

/** A new account's fields: used by first-run setup and by the manager's "Add a staff member". */
export function AccountFields({ form, showRoles, passwordLabel }: Props) {
  const { register } = form;
  const { errors } = form.formState;
  return (
    <>
      <TextField form={form} name="name" label="Full name" autoComplete="name" />
      <TextField
        form={form}
        name="username"
        label="Username"
        hint="What they type to sign in: letters, digits, dots or dashes."
        className="input input--short"
        spellCheck={false}
        autoComplete="off"
      />
      <TextField form={form} name="email" label="Work email" type="email" autoComplete="email" />
      {showRoles ? (
        <fieldset className="fieldset">
          <legend>Roles</legend>
          {errors.roles?.message ? (
            <p className="field__error" id="roles-error">
              <span className="visually-hidden">Error: </span>
              {errors.roles.message}
            </p>
          ) : null}
          {staffRoles.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" value={role} {...register('roles')} /> {staffRoleLabels[role]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <TextField
        form={form}
        name="password"
        label={passwordLabel}
        hint="At least 12 characters and hard to guess: three or four random words work well."
        type="password"
        autoComplete="new-password"
      />
      <TextField
        form={form}
        name="confirmPassword"
        label="Type the password again"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
