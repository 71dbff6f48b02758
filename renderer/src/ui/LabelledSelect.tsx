import type { ReactNode } from 'react';
import { Field, OptionSelect, type OptionSelectProps } from './Field';

/**
 * A drop-down of an empty choice then `options`, in its own labelled field with its hint and error,
 * and wired to all three. The rest of the props (a filter's value and change handler, or a form's
 * registration) go to the drop-down.
 */
export function LabelledOptionSelect({
  label,
  hint,
  error,
  ...select
}: OptionSelectProps & {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(wiring) => <OptionSelect {...select} {...wiring} />}
    </Field>
  );
}
