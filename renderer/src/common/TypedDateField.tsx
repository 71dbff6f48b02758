import { useState, type ReactNode } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { readTypedDate, typedDateProblem, ukDateText } from '@shared/schemas/typed-date-time';
import { Field } from '../ui/Field';

type Props<Values extends FieldValues> = {
  readonly control: Control<Values>;
  readonly name: Path<Values>;
  readonly label: string;
  /** Said after "Day/month/year, for example 26/10/2026." */
  readonly hint?: ReactNode;
  /** The field in the words of a message: "Enter the date it applies from as day/month/year…". */
  readonly what: string;
  /** An empty box is none (`undefined`, as the schemas spell it), not an empty date. */
  readonly isOptional?: boolean;
  /** A problem the form found with something else that belongs beside this box, shown when it has none of its own. */
  readonly otherProblem?: string | undefined;
};

/**
 * What the form holds for the typed text: the day as YYYY-MM-DD, none, or the text as typed, which
 * the form's own schema refuses (its words are then replaced by `typedDateProblem`'s).
 */
function valueOfText(text: string, isOptional: boolean): string | undefined {
  const read = readTypedDate(text);
  if (read.kind === 'date') return read.isoDate;
  if (read.kind === 'empty') return isOptional ? undefined : '';
  return text;
}

const textOfValue = (value: unknown) => (typeof value === 'string' ? ukDateText(value) : '');

/**
 * A date typed as day/month/year in a plain text box, on a form that keeps dates as YYYY-MM-DD
 * (its schema unchanged). A browser's own date control moves from day to month to year by itself,
 * so a date typed over a filled one came out as "10/12/122026"; this box keeps the text exactly as
 * typed and gives the form the day it means. A problem is said the way the typed-date schemas say
 * it (`typedDateProblem`), naming the field (`what`) and the fix.
 */
export function TypedDateField<Values extends FieldValues>({
  control,
  name,
  label,
  hint,
  what,
  isOptional = false,
  otherProblem,
}: Props<Values>) {
  const { field, fieldState } = useController({ control, name });
  // The text as typed, and the value it gave the form: when the form's value changes otherwise
  // (a reset, a restored draft), the box shows that value instead.
  const [shown, setShown] = useState(() => ({
    value: field.value as unknown,
    text: textOfValue(field.value),
  }));
  if (!Object.is(shown.value, field.value)) setShown({ value: field.value, text: textOfValue(field.value) });
  const problem = fieldState.error
    ? (typedDateProblem(shown.text, what) ?? fieldState.error.message)
    : otherProblem;
  return (
    <Field
      label={label}
      hint={<>Day/month/year, for example 26/10/2026.{hint ? <> {hint}</> : null}</>}
      error={problem}
    >
      {(wiring) => (
        <input
          className="input input--short"
          autoComplete="off"
          spellCheck={false}
          {...wiring}
          name={field.name}
          ref={field.ref}
          value={shown.text}
          onBlur={field.onBlur}
          onChange={(event) => {
            const text = event.target.value;
            const value = valueOfText(text, isOptional);
            setShown({ value, text });
            field.onChange(value);
          }}
        />
      )}
    </Field>
  );
}
