import type { UseFormRegisterReturn } from 'react-hook-form';
import type { StaffMember, StaffRole } from '@shared/schemas/staff';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { staffHolding } from '../../common/staff-names';

type Props = {
  readonly label: string;
  readonly role: StaffRole;
  readonly staff: readonly StaffMember[];
  readonly currentId: string | undefined;
  readonly registration: UseFormRegisterReturn;
  readonly error: string | undefined;
};

/** Choose a colleague who holds `role`, or nobody yet. */
export function StaffSelect({ label, role, staff, currentId, registration, error }: Props) {
  const choices = staffHolding(staff, role, currentId);
  return (
    <LabelledOptionSelect
      label={label}
      error={error}
      hint={
        choices.length === 0 ? 'Nobody has this role yet. The manager adds it in Staff accounts.' : undefined
      }
      {...registration}
      emptyLabel="Not set"
      options={choices.map((member) => ({
        value: member.id,
        label: member.isActive ? member.name : `${member.name} (account switched off)`,
      }))}
    />
  );
}
