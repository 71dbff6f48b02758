import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { ContactFormScreenInput } from '@shared/schemas/contact-forms';
import type { StaffMember } from '@shared/schemas/staff';
import { Field, TextInput, TypedShortInput } from '../../ui/Field';

type Props = { readonly form: UseFormReturn<ContactFormScreenInput>; readonly staff: readonly StaffMember[] };

/** Actions agreed at the contact: what, who (a member of staff, or someone named), and by when. */
export function ActionRows({ form, staff }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'actions' });
  const errors = form.formState.errors.actions;
  return (
    <fieldset className="fieldset">
      <legend>Actions</legend>
      <p className="field__hint">Anything someone agreed to do, who does it and by when.</p>
      {fields.length === 0 ? <p className="muted">No actions yet.</p> : null}
      {fields.map((field, index) => (
        <div key={field.id} className="contact-form__action" role="group" aria-label={`Action ${index + 1}`}>
          <Field label={`Action ${index + 1}: what`} error={errors?.[index]?.action?.message}>
            {(wiring) => <TextInput {...wiring} {...form.register(`actions.${index}.action`)} />}
          </Field>
          <Field
            label={`Action ${index + 1}: member of staff`}
            hint="Or name someone else below."
            error={errors?.[index]?.ownerStaffId?.message}
          >
            {(wiring) => (
              <select className="input" {...wiring} {...form.register(`actions.${index}.ownerStaffId`)}>
                <option value="">Not a member of staff</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={`Action ${index + 1}: someone else`}
            hint="For example “Mum” or “the social worker”."
            error={errors?.[index]?.ownerName?.message}
          >
            {(wiring) => <TextInput {...wiring} {...form.register(`actions.${index}.ownerName`)} />}
          </Field>
          <Field
            label={`Action ${index + 1}: by`}
            hint="Day/month/year, for example 26/10/2026."
            error={errors?.[index]?.dueOn?.message}
          >
            {(wiring) => <TypedShortInput {...wiring} {...form.register(`actions.${index}.dueOn`)} />}
          </Field>
          <button type="button" className="button button--secondary" onClick={() => remove(index)}>
            Remove action {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append({ action: '', ownerStaffId: '', ownerName: '', dueOn: '' })}
      >
        Add an action
      </button>
    </fieldset>
  );
}
