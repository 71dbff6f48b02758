import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { monthNames } from '@shared/schemas/typed-date-time';
import type { PersonForm } from '@shared/schemas/people';
import { Field, TextInput } from '../../ui/Field';

type Props = { readonly form: UseFormReturn<PersonForm> };

/** A short box for a day or a year, typed as figures. */
function NumberBox({
  form,
  name,
  label,
  error,
}: Props & {
  readonly name: `specialDates.${number}.day` | `specialDates.${number}.year`;
  readonly label: string;
  readonly error: string | undefined;
}) {
  return (
    <Field label={label} error={error}>
      {(wiring) => (
        <TextInput
          {...wiring}
          className="input input--tiny"
          inputMode="numeric"
          autoComplete="off"
          {...form.register(name)}
        />
      )}
    </Field>
  );
}

/**
 * Birthdays and other occasions (seed 004 §4: cards "on special occasions"): the young person's
 * Personal Tutor is reminded a week before each. Casework records: only those who arrange contact
 * see this part of the form.
 */
export function SpecialDateRows({ form }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'specialDates' });
  const errors = form.formState.errors.specialDates;
  return (
    <fieldset className="fieldset">
      <legend>Special dates</legend>
      <p className="field__hint">
        Birthdays and other occasions. The young person’s Personal Tutor is reminded a week before, to support
        a card or a call.
      </p>
      {fields.length === 0 ? <p className="muted">No special dates recorded.</p> : null}
      {fields.map((field, index) => {
        const rowErrors = errors?.[index];
        const number = index + 1;
        return (
          <fieldset key={field.id} className="fieldset people__special-date">
            <legend>Special date {number}</legend>
            <Field
              label="What it is"
              hint="For example “birthday” or “wedding anniversary”."
              error={rowErrors?.label?.message}
            >
              {(wiring) => (
                <TextInput
                  {...wiring}
                  className="input input--short"
                  autoComplete="off"
                  {...form.register(`specialDates.${index}.label`)}
                />
              )}
            </Field>
            <div className="people__date-parts">
              <NumberBox
                form={form}
                name={`specialDates.${index}.day`}
                label="Day"
                error={rowErrors?.day?.message}
              />
              <Field label="Month" error={rowErrors?.month?.message}>
                {(wiring) => (
                  <select className="input" {...wiring} {...form.register(`specialDates.${index}.month`)}>
                    <option value="">Choose…</option>
                    {monthNames.map((month, monthIndex) => (
                      <option key={month} value={String(monthIndex + 1)}>
                        {month}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <NumberBox
                form={form}
                name={`specialDates.${index}.year`}
                label="Year (optional)"
                error={rowErrors?.year?.message}
              />
            </div>
            <div>
              <button type="button" className="button button--secondary" onClick={() => remove(index)}>
                Remove special date {number}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => append({ label: 'birthday', day: '', month: '', year: '' })}
        >
          Add a special date
        </button>
      </div>
    </fieldset>
  );
}
