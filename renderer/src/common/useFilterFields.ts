import { useState } from 'react';
import { readTypedDateRange } from '@shared/schemas/typed-date-time';

/**
 * The typed state of a filter form with a date range: each box as typed (so a half-typed date is
 * kept, not lost), what the dates mean (`readTypedDateRange`), each box's value and change handler, the
 * props `DateRangeFields` takes, and clearing back to `blank`.
 */
export function useFilterFields<Typed extends { readonly from: string; readonly to: string }>(
  blank: Typed,
  initial: Typed = blank,
) {
  const [typed, setTyped] = useState<Typed>(initial);
  const range = readTypedDateRange(typed.from, typed.to);
  return {
    typed,
    range,
    /** A box's value and change handler together, so the two always name the same field. */
    bind: <Field extends keyof Typed>(field: Field) => ({
      value: typed[field],
      onChange: (event: { readonly target: { readonly value: string } }) =>
        setTyped((current) => ({ ...current, [field]: event.target.value })),
    }),
    clear: () => setTyped(blank),
    dates: {
      from: typed.from,
      to: typed.to,
      fromProblem: range.fromProblem,
      toProblem: range.toProblem,
      onFromChange: (text: string) => setTyped((current) => ({ ...current, from: text })),
      onToChange: (text: string) => setTyped((current) => ({ ...current, to: text })),
    },
  };
}
