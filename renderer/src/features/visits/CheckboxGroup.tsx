import { useId, type Ref } from 'react';
import { FieldError } from '../../ui/FieldError';

type Option = { readonly value: string; readonly label: string; readonly hint?: string | undefined };

export type CheckboxGroupProps = {
  readonly legend: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly options: readonly Option[];
  readonly value: readonly string[];
  readonly onChange: (next: string[]) => void;
  readonly emptyText: string;
  /**
   * react-hook-form's `field.ref`, given to the first box: the form focuses a field by its ref,
   * so without it a problem here is passed over and the focus lands on a later field instead.
   */
  readonly inputRef?: Ref<HTMLInputElement> | undefined;
};

/** A labelled group of checkboxes holding a list of ids; its error is read with the group. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  emptyText,
  inputRef,
}: CheckboxGroupProps) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      className={error ? 'field field--error checkbox-group' : 'field checkbox-group'}
      aria-describedby={describedBy}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {options.length === 0 ? <p className="field__hint">{emptyText}</p> : null}
      <div className="checkbox-group__options">
        {options.map((option, index) => (
          <label key={option.value} className="checkbox">
            <input
              ref={index === 0 ? inputRef : undefined}
              type="checkbox"
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...value, option.value]
                    : value.filter((item) => item !== option.value),
                )
              }
            />{' '}
            {option.label}
            {option.hint ? <span className="checkbox__hint"> ({option.hint})</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
