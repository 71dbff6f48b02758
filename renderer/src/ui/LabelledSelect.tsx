import type { ReactNode } from 'react';
import { ChoiceSelect, Field, OptionSelect, type ChoiceSelectProps, type OptionSelectProps } from './Field';

/** What a drop-down's own field says around it: its label, a hint, and its error. */
type FieldWords = {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
};

/**
 * A drop-down of an empty choice then `options`, in its own labelled field with its hint and error,
 * and wired to all three. The rest of the props (a filter's value and change handler, or a form's
 * registration) go to the drop-down.
 */
export function LabelledOptionSelect({ label, hint, error, ...select }: OptionSelectProps & FieldWords) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(wiring) => <OptionSelect {...select} {...wiring} />}
    </Field>
  );
}

/**
 * A drop-down of a schema's fixed choices (`values`, each shown by its `labels` entry) in its own
 * labelled field, wired like `LabelledOptionSelect`.
 */
export function LabelledChoiceSelect<Value extends string>({
  label,
  hint,
  error,
  ...select
}: ChoiceSelectProps<Value> & FieldWords) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(wiring) => <ChoiceSelect {...select} {...wiring} />}
    </Field>
  );
}
