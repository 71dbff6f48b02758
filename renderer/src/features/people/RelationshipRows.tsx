import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { displayName } from '@shared/display-names';
import {
  relationshipCategories,
  relationshipCategoryLabels,
  type PersonForm,
  type YoungPerson,
} from '@shared/schemas/people';
import { ChoiceField, OptionField, TextField } from '../../ui/TextField';
import { FieldArrayRows } from '../../ui/FieldArrayRows';
import { CheckboxField } from '../../ui/CheckboxField';

type Props = { readonly form: UseFormReturn<PersonForm>; readonly youngPeople: readonly YoungPerson[] };

/** How the person relates to each young person: one row per young person, added and removed freely. */
export function RelationshipRows({ form, youngPeople }: Props) {
  const rows = useFieldArray({ control: form.control, name: 'relationships' });
  return (
    <FieldArrayRows
      array={rows}
      legend="Related to"
      empty="Not linked to any young person yet."
      rowName="Relationship"
      rowClassName="fieldset"
      addLabel="Add a relationship"
      isAddDisabled={youngPeople.length === 0}
      blank={{ youngPersonId: '', relationship: '', category: '', hasParentalResponsibility: false }}
    >
      {(index) => (
        <>
          <OptionField
            form={form}
            name={`relationships.${index}.youngPersonId`}
            label="Young person"
            emptyLabel="Choose…"
            choices={youngPeople.map((youngPerson) => ({
              value: youngPerson.id,
              label: displayName(youngPerson),
            }))}
          />
          <TextField
            form={form}
            name={`relationships.${index}.relationship`}
            label="Relationship"
            hint="In the family’s own words, for example Mum, Nan, older brother."
            className="input input--short"
          />
          <ChoiceField
            form={form}
            name={`relationships.${index}.category`}
            label="Kind of relationship"
            values={relationshipCategories}
            labels={relationshipCategoryLabels}
          />
          <CheckboxField
            form={form}
            name={`relationships.${index}.hasParentalResponsibility`}
            label="Has parental responsibility"
          />
        </>
      )}
    </FieldArrayRows>
  );
}
