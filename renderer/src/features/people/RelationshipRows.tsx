import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { displayName } from '@shared/display-names';
import {
  relationshipCategories,
  relationshipCategoryLabels,
  type PersonForm,
  type YoungPerson,
} from '@shared/schemas/people';
import { Field, TextInput, ChoiceSelect } from '../../ui/Field';

type Props = { readonly form: UseFormReturn<PersonForm>; readonly youngPeople: readonly YoungPerson[] };

/** How the person relates to each young person: one row per young person, added and removed freely. */
export function RelationshipRows({ form, youngPeople }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'relationships' });
  const errors = form.formState.errors.relationships;
  return (
    <fieldset className="fieldset">
      <legend>Related to</legend>
      {fields.length === 0 ? <p className="muted">Not linked to any young person yet.</p> : null}
      {fields.map((field, index) => {
        const rowErrors = errors?.[index];
        const number = index + 1;
        return (
          <fieldset key={field.id} className="fieldset">
            <legend>Relationship {number}</legend>
            <Field label="Young person" error={rowErrors?.youngPersonId?.message}>
              {(wiring) => (
                <select
                  className="input"
                  {...wiring}
                  {...form.register(`relationships.${index}.youngPersonId`)}
                >
                  <option value="">Choose…</option>
                  {youngPeople.map((youngPerson) => (
                    <option key={youngPerson.id} value={youngPerson.id}>
                      {displayName(youngPerson)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Relationship"
              hint="In the family’s own words, for example Mum, Nan, older brother."
              error={rowErrors?.relationship?.message}
            >
              {(wiring) => (
                <TextInput
                  {...wiring}
                  className="input input--short"
                  {...form.register(`relationships.${index}.relationship`)}
                />
              )}
            </Field>
            <Field label="Kind of relationship" error={rowErrors?.category?.message}>
              {(wiring) => (
                <ChoiceSelect
                  {...wiring}
                  {...form.register(`relationships.${index}.category`)}
                  values={relationshipCategories}
                  labels={relationshipCategoryLabels}
                />
              )}
            </Field>
            <label className="checkbox">
              <input type="checkbox" {...form.register(`relationships.${index}.hasParentalResponsibility`)} />
              Has parental responsibility
            </label>
            <div>
              <button type="button" className="button button--secondary" onClick={() => remove(index)}>
                Remove relationship {number}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={youngPeople.length === 0}
          onClick={() =>
            append({ youngPersonId: '', relationship: '', category: '', hasParentalResponsibility: false })
          }
        >
          Add a relationship
        </button>
      </div>
    </fieldset>
  );
}
