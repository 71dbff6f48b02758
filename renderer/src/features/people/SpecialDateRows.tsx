import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { monthNames } from '@shared/schemas/typed-date-time';
import type { PersonForm } from '@shared/schemas/people';
import { SelectField, ShortTextField, TextField } from '../../ui/TextField';
import { FieldArrayRows } from '../../ui/FieldArrayRows';

type Props = { readonly form: UseFormReturn<PersonForm> };

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
            <SelectField form={form} name={`specialDates.${index}.month`} label="Month">
              <option value="">Choose…</option>
              {monthNames.map((month, monthIndex) => (
                <option key={month} value={String(monthIndex + 1)}>
                  {month}
                </option>
              ))}
            </SelectField>
            <NumberBox form={form} name={`specialDates.${index}.year`} label="Year (optional)" />
          </div>
        </>
      )}
    </FieldArrayRows>
  );
}
