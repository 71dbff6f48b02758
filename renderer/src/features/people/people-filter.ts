import type { PersonWithRelationships } from '../../db/repositories/people-repository';
import { displayPersonName } from '@shared/display-names';

/**
 * Whether a person matches what was typed in the find box: any word of their name, other names,
 * how they are related, or the young person's name. Case and accents do not matter.
 */
export function matchesFilter(
  entry: PersonWithRelationships,
  youngPersonNames: ReadonlyMap<string, string>,
  typed: string,
): boolean {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
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

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
