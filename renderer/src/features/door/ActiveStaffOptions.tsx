import type { StaffMember } from '@shared/schemas/staff';
import { activeStaffChoices } from '../../common/staff-names';

/** "Choose a member of staff" and everyone whose account is switched on: those who can be on shift. */
export function ActiveStaffOptions({ staff }: { staff: readonly StaffMember[] }) {
  return (
    <>
      <option value="">Choose a member of staff</option>
      {activeStaffChoices(staff).map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}
