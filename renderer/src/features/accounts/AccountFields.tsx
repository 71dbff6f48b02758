import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { staffRoleLabels, staffRoles } from '@shared/schemas/staff';
import type { NewAccountForm } from '@shared/schemas/account-forms';
import { Field, PasswordInput, TextInput } from '../../ui/Field';

type Props = {
  readonly register: UseFormRegister<NewAccountForm>;
  readonly errors: FieldErrors<NewAccountForm>;
  /** First run makes a Registered Manager; the roles are not offered then. */
  readonly showRoles: boolean;
  readonly passwordLabel: string;
};

/** A new account's fields: used by first-run setup and by the manager's "Add a staff member". */
export function AccountFields({ register, errors, showRoles, passwordLabel }: Props) {
  return (
    <>
      <Field label="Full name" error={errors.name?.message}>
        {(wiring) => <TextInput {...wiring} autoComplete="name" {...register('name')} />}
      </Field>
      <Field
        label="Username"
        hint="What they type to sign in: letters, digits, dots or dashes."
        error={errors.username?.message}
      >
        {(wiring) => (
          <TextInput
            {...wiring}
            className="input input--short"
            spellCheck={false}
            autoComplete="off"
            {...register('username')}
          />
        )}
      </Field>
      <Field label="Work email" error={errors.email?.message}>
        {(wiring) => <TextInput {...wiring} type="email" autoComplete="email" {...register('email')} />}
      </Field>
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
      <Field
        label={passwordLabel}
        hint="At least 12 characters and hard to guess: three or four random words work well."
        error={errors.password?.message}
      >
        {(wiring) => <PasswordInput {...wiring} isNew {...register('password')} />}
      </Field>
      <Field label="Type the password again" error={errors.confirmPassword?.message}>
        {(wiring) => <PasswordInput {...wiring} isNew {...register('confirmPassword')} />}
      </Field>
    </>
  );
}
