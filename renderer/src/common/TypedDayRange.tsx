import { useState } from 'react';
import { readTypedDate, readTypedDateRange, ukDateText } from '@shared/schemas/typed-date-time';
import { DateRangeFields } from '../ui/DateRangeFields';

export type Days = { readonly from: string; readonly to: string };

type Props = Days & {
  /** The days as YYYY-MM-DD, '' for no limit (an empty box, or one that cannot be read). */
  readonly onChange: (days: Days) => void;
};

/** The day a box gives the list: YYYY-MM-DD, or '' for none (nothing typed, or not a date). */
function dayOf(text: string): string {
  const read = readTypedDate(text);
  return read.kind === 'date' ? read.isoDate : '';
}

/**
 * "From" and "To" days for a list, typed as day/month/year. A browser's own date control fills day,
 * month and year in turn, so a day typed over a filled one came out as "10/12/122026"; these boxes
 * keep the text as typed, give the list only days that can be read, and say beside a box, in
 * words, what is wrong with it. A day the list changes itself (clearing the filters) is shown.
 */
export function TypedDayRange({ from, to, onChange }: Props) {
  const [shown, setShown] = useState({ from, to, fromText: ukDateText(from), toText: ukDateText(to) });
  if (shown.from !== from || shown.to !== to)
    setShown({
      from,
      to,
      fromText: shown.from === from ? shown.fromText : ukDateText(from),
      toText: shown.to === to ? shown.toText : ukDateText(to),
    });
  const typed = (fromText: string, toText: string) => {
    const days = { from: dayOf(fromText), to: dayOf(toText) };
    setShown({ ...days, fromText, toText });
    onChange(days);
  };
  const range = readTypedDateRange(shown.fromText, shown.toText);
  return (
    <DateRangeFields
      fromLabel="From"
      toLabel="To"
      from={shown.fromText}
      to={shown.toText}
      fromProblem={range.fromProblem}
      toProblem={range.toProblem}
      onFromChange={(text) => typed(text, shown.toText)}
      onToChange={(text) => typed(shown.fromText, text)}
    />
  );
}
