import type { StaffMember } from '@shared/schemas/staff';

/** "Choose a member of staff" and everyone whose account is switched on: those who can be on shift. */
export function ActiveStaffOptions({ staff }: { staff: readonly StaffMember[] }) {
  return (
    <>
      <option value="">Choose a member of staff</option>
      {staff
        .filter((member) => member.isActive)
        .map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
    </>
  );
}
