import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import {
  get,
  type FieldError,
  type FieldValues,
  type FormState,
  type Path,
  type RegisterOptions,
  type UseFormRegister,
} from 'react-hook-form';
import { Field } from './Field';

/** What a field needs of its form: to register the box, and the form's errors to show beside it. */
type FormOf<Values extends FieldValues> = {
  readonly register: UseFormRegister<Values>;
  readonly formState: Pick<FormState<Values>, 'errors'>;
};

type Registered<Values extends FieldValues> = {
  readonly form: FormOf<Values>;
  readonly name: Path<Values>;
  readonly label: string;
  readonly hint?: ReactNode;
  /** How the box's text is read into the form, for example an empty box as none. */
  readonly options?: RegisterOptions<Values, Path<Values>>;
};

/** The message for `name` from the form's errors; the name may be a path into a nested record. */
function errorOf<Values extends FieldValues>(form: FormOf<Values>, name: Path<Values>): string | undefined {
  const error: FieldError | undefined = get(form.formState.errors, name);
  return error?.message;
}

type TextFieldProps<Values extends FieldValues> = Registered<Values> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'>;

/**
 * A labelled text box registered on a form under `name`, with its hint and the form's error for
 * it. Other attributes (a short class, no autocomplete) go to the box itself.
 */
export function TextField<Values extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
  ...input
}: TextFieldProps<Values>) {
  return (
    <Field label={label} hint={hint} error={errorOf(form, name)}>
      {(wiring) => <input className="input" {...wiring} {...input} {...form.register(name, options)} />}
    </Field>
  );
}

/**
 * A short labelled box for something typed in a set form (a date as day/month/year, a time, a
 * registration), where the browser's suggestions would only get in the way.
 */
export function ShortTextField<Values extends FieldValues>(props: TextFieldProps<Values>) {
  return <TextField className="input input--short" autoComplete="off" {...props} />;
}

/** A labelled date box (the browser's own date control) registered on a form under `name`. */
export function DateField<Values extends FieldValues>(props: Omit<TextFieldProps<Values>, 'type'>) {
  return <TextField className="input input--short" {...props} type="date" />;
}

type TextAreaFieldProps<Values extends FieldValues> = Registered<Values> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name'>;

/** A labelled box for a few lines of text, registered on a form under `name`. */
export function TextAreaField<Values extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
  ...textarea
}: TextAreaFieldProps<Values>) {
  return (
    <Field label={label} hint={hint} error={errorOf(form, name)}>
      {(wiring) => <textarea className="input" {...wiring} {...textarea} {...form.register(name, options)} />}
    </Field>
  );
}
