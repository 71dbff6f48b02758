import type { SignerPassword } from '../../security/useSignerPassword';
import { Banner } from '../../ui/Banner';
import { Field, PasswordInput } from '../../ui/Field';
import { SubmitForm } from '../../ui/SubmitForm';
import { FormActions } from '../../ui/FormActions';

type Props = {
  /** The form's accessible name, saying what is being signed. */
  readonly label: string;
  readonly signing: SignerPassword;
  readonly onCancel: () => void;
};

/** "Your password" and "Sign and save PDF": the first step of every signed copy made on request. */
export function SignerPasswordForm({ label, signing, onCancel }: Props) {
  return (
    <>
      {signing.problem ? <Banner tone="error">{signing.problem}</Banner> : null}
      <SubmitForm label={label} onSubmit={signing.begin}>
        <Field label="Your password" hint="Signing needs your password again." error={signing.passwordError}>
          {(wiring) => (
            <PasswordInput
              {...wiring}
              value={signing.password}
              onChange={(event) => signing.setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormActions
          submitLabel={signing.isWorking ? 'Checking…' : 'Sign and save PDF'}
          isBusy={signing.isWorking || signing.signer !== undefined}
          onCancel={onCancel}
        />
      </SubmitForm>
    </>
  );
}
