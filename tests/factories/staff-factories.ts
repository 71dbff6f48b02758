import type { StaffMember } from '@shared/schemas/staff';

/**
 * A staff account record (the sealed part's shape, without keys). The username is made unique
 * from the id so that two built in one test never clash on the `&username` index.
 */
export function buildStaffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  const id = overrides.id ?? crypto.randomUUID();
  const username = overrides.username ?? `sam.taylor.${id.slice(0, 8)}`;
  return {
    id,
    name: 'Sam Taylor',
    username,
    email: `${username}@hollybank.example.org`,
    roles: ['careStaff'],
    isActive: true,
    createdAt: '2024-08-28T08:00:00.000Z',
    ...overrides,
  };
}
