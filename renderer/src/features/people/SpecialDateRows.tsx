import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { monthNames } from '@shared/schemas/typed-date-time';
import type { PersonForm } from '@shared/schemas/people';
import { OptionField, ShortTextField, TextField } from '../../ui/TextField';
import { FieldArrayRows } from '../../ui/FieldArrayRows';

type Props = { readonly form: UseFormReturn<PersonForm> };

/** The months by name, stored as their number ("3" for March). */
const monthChoices = monthNames.map((month, monthIndex) => ({ value: String(monthIndex + 1), label: month }));

/** A short box for a day or a year, typed as figures. */
function NumberBox(
  props: Props & { readonly name: `specialDates.${number}.${'day' | 'year'}`; readonly label: string },
) {
  return <TextField className="input input--tiny" inputMode="numeric" autoComplete="off" {...props} />;
}

/**
 * Birthdays and other occasions (seed 004 §4: cards "on special occasions"): the young person's
 * Personal Tutor is reminded a week before each. Casework records: only those who arrange contact
 * see this part of the form.
 */
export function SpecialDateRows({ form }: Props) {
  const rows = useFieldArray({ control: form.control, name: 'specialDates' });
  return (
    <FieldArrayRows
      array={rows}
      legend="Special dates"
      hint="Birthdays and other occasions. The young person’s Personal Tutor is reminded a week before, to support a card or a call."
      empty="No special dates recorded."
      rowName="Special date"
      rowClassName="fieldset people__special-date"
      addLabel="Add a special date"
      blank={{ label: 'birthday', day: '', month: '', year: '' }}
    >
      {(index) => (
        <>
          <ShortTextField
            form={form}
            name={`specialDates.${index}.label`}
            label="What it is"
            hint="For example “birthday” or “wedding anniversary”."
          />
          <div className="people__date-parts">
            <NumberBox form={form} name={`specialDates.${index}.day`} label="Day" />
            <OptionField
              form={form}
              name={`specialDates.${index}.month`}
              label="Month"
              emptyLabel="Choose…"
              choices={monthChoices}
            />
            <NumberBox form={form} name={`specialDates.${index}.year`} label="Year (optional)" />
          </div>
        </>
      )}
    </FieldArrayRows>
  );
}
