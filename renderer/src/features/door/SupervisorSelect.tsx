import type { StaffMember } from '@shared/schemas/staff';
import { Field } from '../../ui/Field';
import { ActiveStaffOptions } from './ActiveStaffOptions';
import { blankAsUndefined, type DoorForm } from './door-form';

/** For supervised-only contact: the member of staff who will stay with the visitor throughout. */
export function SupervisorSelect({ form, staff }: { form: DoorForm; staff: readonly StaffMember[] }) {
  return (
    <Field
      label="Who will supervise?"
      hint="The member of staff who will stay with them throughout the visit."
      error={form.formState.errors.supervisingStaffId?.message}
    >
      {(wiring) => (
        <select
          className="input"
          {...wiring}
          aria-required="true"
          {...form.register('supervisingStaffId', { setValueAs: blankAsUndefined })}
        >
          <ActiveStaffOptions staff={staff} />
        </select>
      )}
    </Field>
  );
}
