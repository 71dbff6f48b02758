import type { Person } from '@shared/schemas/people';
import type { RegisteredNames } from './door-checker';

/** A family member's or friend's name as staff would say it; many are known by a first name only. */
export function registeredPersonName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

/** Every name each registered person goes by, for the check: their name, then their aliases. */
export function registeredNamesOf(people: readonly Person[]): RegisteredNames {
  const names = new Map(
    people.map((person) => [person.id, [registeredPersonName(person), ...person.aliases]]),
  );
  return (personId) => names.get(personId);
}

/**
 * Registered people whose name or an alias contains what has been typed (at least two letters),
 * best first: those whose name starts with it. At most `limit`.
 */
export function suggestPeople(people: readonly Person[], typed: string, limit = 5): Person[] {
  const text = typed.trim().toLocaleLowerCase('en-GB');
  if (text.length < 2) return [];
  const scored = people.flatMap((person) => {
    const names = [registeredPersonName(person), ...person.aliases].map((name) =>
      name.toLocaleLowerCase('en-GB'),
    );
    if (names.some((name) => name.startsWith(text))) return [{ person, rank: 0 }];
    if (names.some((name) => name.includes(text))) return [{ person, rank: 1 }];
    return [];
  });
  return scored
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        registeredPersonName(a.person).localeCompare(registeredPersonName(b.person), 'en-GB'),
    )
    .slice(0, limit)
    .map(({ person }) => person);
}
