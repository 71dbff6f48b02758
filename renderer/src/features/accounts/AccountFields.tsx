import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { TextField } from '../../ui/TextField';

type AccountField = 'name' | 'username' | 'email' | 'password' | 'confirmPassword';

type Props<Values extends FieldValues> = {
  readonly form: Pick<UseFormReturn<Values>, 'register' | 'formState'>;
  /** Where each answer sits in the form: at the top, or under the manager's account at first run. */
  readonly at: (field: AccountField) => NoInfer<Path<Values>>;
  /** First run makes the manager's own account (so "you", and the browser may keep the username). */
  readonly isOwnAccount: boolean;
  readonly passwordLabel: string;
  /** The roles to choose, where the account is a colleague's; first run makes a Registered Manager. */
  readonly roles?: ReactNode;
};

/** A new account's fields: used by first-run setup and by the manager's "Add a staff member". */
export function AccountFields<Values extends FieldValues>({
  form,
  at,
  isOwnAccount,
  passwordLabel,
  roles,
}: Props<Values>) {
  return (
    <>
      <TextField form={form} name={at('name')} label="Full name" autoComplete="name" />
      <TextField
        form={form}
        name={at('username')}
        label="Username"
        hint={`What ${isOwnAccount ? 'you' : 'they'} type to sign in: letters, digits, dots or dashes.`}
        className="input input--short"
        spellCheck={false}
        autoComplete={isOwnAccount ? 'username' : 'off'}
      />
      <TextField form={form} name={at('email')} label="Work email" type="email" autoComplete="email" />
      {roles}
      <TextField
        form={form}
        name={at('password')}
        label={passwordLabel}
        hint="At least 12 characters and hard to guess: three or four random words work well."
        type="password"
        autoComplete="new-password"
      />
      <TextField
        form={form}
        name={at('confirmPassword')}
        label="Type the password again"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
