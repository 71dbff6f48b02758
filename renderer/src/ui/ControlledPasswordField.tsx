import type { ReactNode, Ref } from 'react';
import { Field, PasswordInput } from './Field';

type Props = {
  /** For moving the focus to the box when its password is missing or wrong. */
  readonly ref?: Ref<HTMLInputElement>;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** What has been typed, held by the screen (not a registered form field). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Only where the password is the one thing the screen asks for (unlocking). */
  readonly autoFocus?: boolean;
};

/** A labelled box for the person's current password, its value held in the screen's own state. */
export function ControlledPasswordField({ ref, label, hint, error, value, onChange, autoFocus }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(wiring) => (
        <PasswordInput
          {...wiring}
          ref={ref}
          autoFocus={autoFocus}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
