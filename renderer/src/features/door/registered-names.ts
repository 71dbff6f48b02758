import { normaliseName } from '@shared/rules/name-spelling';
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
 * Registered people whose name or an alias holds what has been typed (at least two letters), best
 * first: those whose name starts with it. At most `limit`. Read as the restriction check reads a
 * name (`normaliseName`): no case, accents, apostrophes or hyphens ("Zoe OBrien" finds Zoë O’Brien,
 * whatever apostrophe either was typed with), and the words in any order ("Hughes Karen", as on ID).
 * A registered visitor missed here goes in unlinked: the door then misses what their record says.
 */
export function suggestPeople(people: readonly Person[], typed: string, limit = 5): Person[] {
  const text = normaliseName(typed);
  const words = text.split(' ').filter(Boolean);
  if (text.replaceAll(' ', '').length < 2) return [];
  const scored = people.flatMap((person) => {
    const names = [registeredPersonName(person), ...person.aliases].map(normaliseName);
    if (names.some((name) => name.startsWith(text))) return [{ person, rank: 0 }];
    const holdsEveryWord = (name: string) =>
      words.every((word) => name.includes(word)) ||
      name.replaceAll(' ', '').includes(text.replaceAll(' ', ''));
    if (names.some(holdsEveryWord)) return [{ person, rank: 1 }];
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
