import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, TextInput } from './Field';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** What has been typed, held by the screen (not a registered form field). */
  readonly value: string;
  readonly onChange: (value: string) => void;
};

/**
 * A labelled text box whose value the screen holds in its own state (a username before a restore, a
 * number of days). Other attributes (no spell check, the kind of keyboard) go to the box itself.
 */
export function ControlledTextField({ label, hint, error, value, onChange, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(wiring) => (
        <TextInput {...input} {...wiring} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
