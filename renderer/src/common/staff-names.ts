import type { StaffMember, StaffRole } from '@shared/schemas/staff';
import type { SelectOption } from '../ui/Field';

/** Names by staff id, to show who a young person's PT, CC and mentor are. */
export function staffNamesById(staff: readonly StaffMember[] | undefined): ReadonlyMap<string, string> {
  return new Map((staff ?? []).map((member) => [member.id, member.name]));
}

/**
 * Who can be chosen for a role: active accounts holding it, and whoever holds the post now even
 * if their account has since been switched off (so editing does not silently drop them).
 */
export function staffHolding(
  staff: readonly StaffMember[] | undefined,
  role: StaffRole,
  currentId: string | undefined,
): StaffMember[] {
  return (staff ?? []).filter(
    (member) => member.roles.includes(role) && (member.isActive || member.id === currentId),
  );
}

/** Members of staff as drop-down choices, each by name. */
export function staffChoices(staff: readonly StaffMember[] | undefined): SelectOption[] {
  return (staff ?? []).map((member) => ({ value: member.id, label: member.name }));
}

/** Everyone whose account is switched on, as drop-down choices: the staff who can take part now. */
export function activeStaffChoices(staff: readonly StaffMember[] | undefined): SelectOption[] {
  return staffChoices(staff?.filter((member) => member.isActive));
}
