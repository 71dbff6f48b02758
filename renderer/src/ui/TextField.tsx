import type { InputHTMLAttributes, ReactNode } from 'react';
import {
  get,
  type FieldError,
  type FieldValues,
  type FormState,
  type Path,
  type RegisterOptions,
  type UseFormRegister,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { ChoiceSelect, Field, OptionSelect, type SelectOption } from './Field';

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

/** What a box takes: its wiring to the label, hint and error, and its registration on the form. */
type Box = UseFormRegisterReturn & { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/** The field around a registered box: its label, hint and error, and the box's wiring to all three. */
function RegisteredField<Values extends FieldValues>({
  field: { form, name, label, hint, options },
  children,
}: {
  readonly field: Registered<Values>;
  readonly children: (box: Box) => ReactNode;
}) {
  return (
    <Field label={label} hint={hint} error={errorOf(form, name)}>
      {(wiring) => children({ ...wiring, ...form.register(name, options) })}
    </Field>
  );
}

type TextFieldProps<Values extends FieldValues> = Registered<Values> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'>;

/**
 * A labelled text box registered on a form under `name`, with its hint and the form's error for
 * it. Other attributes (a short class, no autocomplete) go to the box itself.
 */
export function TextField<Values extends FieldValues>(props: TextFieldProps<Values>) {
  const { form, name, label, hint, options, ...input } = props;
  return (
    <RegisteredField field={{ form, name, label, hint, options }}>
      {(box) => <input className="input" {...input} {...box} />}
    </RegisteredField>
  );
}

/**
 * A short labelled box for something typed in a set form (a date as day/month/year, a time, a
 * registration), where the browser's suggestions would only get in the way.
 */
export function ShortTextField<Values extends FieldValues>(props: TextFieldProps<Values>) {
  return <TextField className="input input--short" autoComplete="off" {...props} />;
}

/**
 * A short labelled box for a day or time typed as digits and strokes: no spelling marks and no
 * browser suggestions, which would only get in the way.
 */
export function TypedShortField<Values extends FieldValues>(props: TextFieldProps<Values>) {
  return <ShortTextField spellCheck={false} {...props} />;
}

/** A labelled box for a few lines of text, registered on a form under `name`. */
export function TextAreaField<Values extends FieldValues>({
  rows,
  className = 'input',
  spellCheck,
  ...field
}: Registered<Values> & {
  readonly rows: number;
  readonly className?: string;
  /** Off for pasted text that is not words, such as a certificate. */
  readonly spellCheck?: boolean;
}) {
  return (
    <RegisteredField field={field}>
      {(box) => <textarea className={className} rows={rows} spellCheck={spellCheck} {...box} />}
    </RegisteredField>
  );
}

/**
 * A labelled drop-down registered on a form under `name`; `children` are its choices (for a list
 * built on the screen, such as the people to choose from).
 */
export function SelectField<Values extends FieldValues>({
  children,
  ...field
}: Registered<Values> & { readonly children: ReactNode }) {
  return (
    <RegisteredField field={field}>
      {(box) => (
        <select className="input" {...box}>
          {children}
        </select>
      )}
    </RegisteredField>
  );
}

/**
 * A labelled drop-down of a schema's fixed choices, each shown by its label, registered on a form
 * under `name`; it starts at an empty "Choose…" so nothing is chosen for the person.
 */
export function ChoiceField<Values extends FieldValues, Value extends string>({
  values,
  labels,
  ...field
}: Registered<Values> & {
  readonly values: readonly Value[];
  readonly labels: Readonly<Record<Value, string>>;
}) {
  return (
    <RegisteredField field={field}>
      {(box) => <ChoiceSelect {...box} values={values} labels={labels} />}
    </RegisteredField>
  );
}

/** A labelled drop-down registered on a form under `name`: an empty first choice, then `choices`. */
export function OptionField<Values extends FieldValues>({
  emptyLabel,
  choices,
  ...field
}: Registered<Values> & {
  /** What choosing nothing means ("Not told yet", "Choose…"). */
  readonly emptyLabel: string;
  readonly choices: readonly SelectOption[];
}) {
  return (
    <RegisteredField field={field}>
      {(box) => <OptionSelect emptyLabel={emptyLabel} options={choices} {...box} />}
    </RegisteredField>
  );
}

/**
 * A drop-down's choices where one is always chosen (no empty first choice): each of a schema's
 * fixed values, shown by its label. For a SelectField's children.
 */
export function FixedOptions<Value extends string>({
  values,
  labels,
}: {
  readonly values: readonly Value[];
  readonly labels: Readonly<Record<Value, string>>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}
