import { ShortTextField, TextField } from '../../ui/TextField';
import type { DoorForm } from './door-form';
import { CheckboxField } from '../../ui/CheckboxField';

/** The rest of "Sign a visitor in": who they are to the home, why they came, ID, vehicle and badge. */
export function VisitDetailsFields({ form }: { form: DoorForm }) {
  return (
    <>
      <TextField
        form={form}
        name="organisationOrRelationship"
        label="Organisation or relationship"
        hint="For example “Mum”, “social worker, Leeds City Council” or “plumber”."
      />
      <TextField form={form} name="reason" label="Reason for the visit" />
      <CheckboxField form={form} name="isIdChecked" label="ID checked" />
      <div className="door-sign-in__pair">
        <ShortTextField form={form} name="vehicle" label="Vehicle registration" hint="If they came by car." />
        <ShortTextField form={form} name="badgeNumber" label="Badge number" />
      </div>
    </>
  );
}
