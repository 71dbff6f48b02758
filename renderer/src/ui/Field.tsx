import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { FieldError } from './FieldError';

type FieldProps = {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
};

/**
 * A labelled control with an optional hint and its error beside it. The error is tied to the
 * control with aria-describedby, so a screen reader reads it with the field.
 */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={errorId} message={error} />
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
    </div>
  );
}

/** A text-like input with the field's wiring spread in. */
export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input className="input" {...props} />;
}

/**
 * A password box. `isNew` where a password is being chosen, so the browser offers to make one and
 * never fills in the old one; otherwise it is the person's current password.
 */
export function PasswordInput({
  isNew = false,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  readonly isNew?: boolean;
  readonly ref?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      className="input"
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      {...props}
    />
  );
}

/** One choice in a drop-down: what is stored, and what the person reads. */
export type SelectOption = { readonly value: string; readonly label: string };

/** Some of a drop-down's choices under one heading ("Staff", "Sign-in and accounts"). */
export type OptionGroup = { readonly label: string; readonly options: readonly SelectOption[] };

export type OptionSelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  readonly ref?: Ref<HTMLSelectElement>;
  /** The first choice, stored as empty: what choosing nothing means ("Anyone", "Choose…"). */
  readonly emptyLabel: string;
  readonly options?: readonly SelectOption[];
  /** Choices under headings, after `options`; a screen reader says the heading with each. */
  readonly groups?: readonly OptionGroup[];
};

function OptionList({ options }: { readonly options: readonly SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A drop-down that starts at an empty choice, then lists `options` in order, then any `groups`. */
export function OptionSelect({ emptyLabel, options = [], groups = [], ...select }: OptionSelectProps) {
  return (
    <select className="input" {...select}>
      <option value="">{emptyLabel}</option>
      <OptionList options={options} />
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          <OptionList options={group.options} />
        </optgroup>
      ))}
    </select>
  );
}

export type ChoiceSelectProps<Value extends string> = SelectHTMLAttributes<HTMLSelectElement> & {
  readonly ref?: Ref<HTMLSelectElement>;
  readonly values: readonly Value[];
  readonly labels: Readonly<Record<Value, string>>;
  /** The empty first choice; a filter says what it means ("Any kind"). */
  readonly emptyLabel?: string;
};

/**
 * A drop-down of a schema's fixed choices, each shown by its label, starting at an empty
 * "Choose…" so nothing is chosen for the person; the form's schema says what leaving it means.
 */
export function ChoiceSelect<Value extends string>({
  values,
  labels,
  emptyLabel = 'Choose…',
  ...select
}: ChoiceSelectProps<Value>) {
  return (
    <OptionSelect
      emptyLabel={emptyLabel}
      options={values.map((value) => ({ value, label: labels[value] }))}
      {...select}
    />
  );
}
