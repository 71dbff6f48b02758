import type { PersonWithRelationships } from '../../db/repositories/people-repository';
import { displayPersonName } from '@shared/display-names';
import { normaliseName } from '@shared/rules/name-spelling';

/**
 * Whether a person matches what was typed in the find box: any word of their name, other names,
 * how they are related, or the young person's name. Case, accents, apostrophes (of any kind) and
 * hyphens do not matter, as at the door: "Sean OBrien" finds Seán O'Brien-Hughes.
 */
export function matchesFilter(
  entry: PersonWithRelationships,
  youngPersonNames: ReadonlyMap<string, string>,
  typed: string,
): boolean {
  const words = normaliseName(typed).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normaliseName(
    [
      displayPersonName(entry.person),
      ...entry.person.aliases,
      ...entry.relationships.flatMap((link) => [
        link.relationship,
        youngPersonNames.get(link.youngPersonId) ?? '',
      ]),
    ].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}
