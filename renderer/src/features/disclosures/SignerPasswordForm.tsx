import type { SignerPassword } from '../../security/useSignerPassword';
import { Banner } from '../../ui/Banner';
import { Field, PasswordInput } from '../../ui/Field';
import { SubmitForm } from '../../ui/SubmitForm';

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
        <div className="form__actions">
          <button
            type="submit"
            className="button"
            disabled={signing.isWorking || signing.signer !== undefined}
          >
            {signing.isWorking ? 'Checking…' : 'Sign and save PDF'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </SubmitForm>
    </>
  );
}
