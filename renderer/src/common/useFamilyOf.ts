import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../db/useDatabase';
import { displayPersonName } from '@shared/display-names';
import { peopleRepository } from '../db/repositories/people-repository';
import { useSession } from '../security/session-context';
import type { SelectOption } from '../ui/Field';
import type { Person, Relationship } from '@shared/schemas/people';

/** One of a young person's family or significant people, with how they are related. */
type FamilyMember = { readonly person: Person; readonly relationship: Relationship };

/**
 * What a form about one young person's family opens with: who they are, the home's date, and
 * their family, loaded before the form opens so a kept draft's choice shows.
 */
export type FamilyFormContext = {
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  readonly today: string;
  readonly family: readonly FamilyMember[];
};

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
