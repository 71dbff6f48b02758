import { useId } from 'react';
import { DateInput } from './Field';

export type Days = { readonly from: string; readonly to: string };

type Props = Days & {
  readonly onChange: (days: Days) => void;
  /** The two days are the wrong way round: both boxes say so to a screen reader. */
  readonly isInvalid?: boolean;
};

/**
 * "From" and "To" days for a list, each the browser's own date control, neither offering a day
 * past the other; the screen says in words when they are the wrong way round.
 */
export function DayRange({ from, to, onChange, isInvalid = false }: Props) {
  const id = useId();
  const invalid = isInvalid ? true : undefined;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-from`}>
          From
        </label>
        <DateInput
          id={`${id}-from`}
          value={from}
          max={to || undefined}
          aria-invalid={invalid}
          onChange={(event) => onChange({ from: event.target.value, to })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-to`}>
          To
        </label>
        <DateInput
          id={`${id}-to`}
          value={to}
          min={from || undefined}
          aria-invalid={invalid}
          onChange={(event) => onChange({ from, to: event.target.value })}
        />
      </div>
    </>
  );
}
