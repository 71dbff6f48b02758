import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { ContactFormScreenInput } from '@shared/schemas/contact-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { OptionField, ShortTextField, TextField } from '../../ui/TextField';
import { FieldArrayRows } from '../../ui/FieldArrayRows';
import { staffChoices } from '../../common/staff-names';

type Props = { readonly form: UseFormReturn<ContactFormScreenInput>; readonly staff: readonly StaffMember[] };

/** Actions agreed at the contact: what, who (a member of staff, or someone named), and by when. */
export function ActionRows({ form, staff }: Props) {
  const rows = useFieldArray({ control: form.control, name: 'actions' });
  return (
    <FieldArrayRows
      array={rows}
      legend="Actions"
      hint="Anything someone agreed to do, who does it and by when."
      empty="No actions yet."
      rowName="Action"
      isRowNameShown={false}
      rowClassName="contact-form__action"
      addLabel="Add an action"
      blank={{ action: '', ownerStaffId: '', ownerName: '', dueOn: '' }}
    >
      {(index) => (
        <>
          <TextField form={form} name={`actions.${index}.action`} label={`Action ${index + 1}: what`} />
          <OptionField
            form={form}
            name={`actions.${index}.ownerStaffId`}
            label={`Action ${index + 1}: member of staff`}
            hint="Or name someone else below."
            emptyLabel="Not a member of staff"
            choices={staffChoices(staff)}
          />
          <TextField
            form={form}
            name={`actions.${index}.ownerName`}
            label={`Action ${index + 1}: someone else`}
            hint="For example “Mum” or “the social worker”."
          />
          <ShortTextField
            form={form}
            name={`actions.${index}.dueOn`}
            label={`Action ${index + 1}: by`}
            hint="Day/month/year, for example 26/10/2026."
            spellCheck={false}
          />
        </>
      )}
    </FieldArrayRows>
  );
}
