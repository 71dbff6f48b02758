import { useLiveQuery } from 'dexie-react-hooks';
import { displayPersonName } from '@shared/display-names';
import type { Person, Relationship } from '@shared/schemas/people';
import { useDatabase } from '../../db/useDatabase';
import { peopleRepository } from '../../db/repositories/people-repository';
import { useSession } from '../../security/session-context';

export type FamilyMember = { readonly person: Person; readonly relationships: readonly Relationship[] };

/** The family and significant people of any of these young people (siblings share theirs), by name. */
export function useFamilyOfMany(youngPersonIds: readonly string[]): FamilyMember[] | undefined {
  const db = useDatabase();
  const session = useSession();
  const key = [...youngPersonIds].sort().join(',');
  return useLiveQuery(async () => {
    const repository = peopleRepository(db);
    const lists = await Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map((id) => repository.familyOf(session, id)),
    );
    const byPerson = new Map<string, FamilyMember>();
    for (const { person, relationship } of lists.flat()) {
      const known = byPerson.get(person.id);
      byPerson.set(person.id, { person, relationships: [...(known?.relationships ?? []), relationship] });
    }
    return [...byPerson.values()].sort((a, b) =>
      displayPersonName(a.person).localeCompare(displayPersonName(b.person), 'en-GB'),
    );
  }, [db, session, key]);
}
