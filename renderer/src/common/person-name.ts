import type { Person } from '@shared/schemas/people';

/** A family member's name as staff would say it; many are known by a first name only. */
export function displayPersonName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}
