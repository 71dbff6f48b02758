import type { Person, YoungPerson } from './schemas/people';

/** A young person's name as staff use it: the preferred name if there is one. */
export function displayName(person: Pick<YoungPerson, 'firstName' | 'lastName' | 'preferredName'>): string {
  return `${person.preferredName || person.firstName} ${person.lastName}`;
}

/** A family member's name as staff would say it; many are known by a first name only. */
export function displayPersonName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}
