import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../db/useDatabase';
import { displayPersonName } from '@shared/display-names';
import { peopleRepository } from '../db/repositories/people-repository';
import { useSession } from '../security/session-context';
import type { SelectOption } from '../ui/Field';

/** A young person's family and significant people, by name, kept live; undefined while loading. */
export function useFamilyOf(youngPersonId: string) {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const family = await peopleRepository(db).familyOf(session, youngPersonId);
    return family.sort((a, b) =>
      displayPersonName(a.person).localeCompare(displayPersonName(b.person), 'en-GB'),
    );
  }, [db, session, youngPersonId]);
}

/** Family members as drop-down choices: each by name, with how they are related. */
export function familyOptions(
  family: readonly {
    readonly person: Parameters<typeof displayPersonName>[0] & { readonly id: string };
    readonly relationship: { readonly relationship: string };
  }[],
): SelectOption[] {
  return family.map(({ person, relationship }) => ({
    value: person.id,
    label: `${displayPersonName(person)} (${relationship.relationship})`,
  }));
}
