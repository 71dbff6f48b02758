import { useLiveQuery } from 'dexie-react-hooks';
import { displayPersonName } from '@shared/display-names';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { peopleRepository, type PersonWithRelationships } from '../../db/repositories/people-repository';
import { useSession } from '../../security/session-context';

/**
 * Everyone in the family and friends list with how they relate to each young person and, for
 * those who hold casework, their special dates; by name, kept live.
 */
export function usePeopleWithRelationships() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => peopleRepository(db), [db]);
  const people = useLiveQuery(async (): Promise<PersonWithRelationships[]> => {
    const everyone = await repository.listPeople(session);
    const withLinks = await Promise.all(
      everyone.map(async (person) => ({
        person,
        relationships: await repository.relationshipsOf(session, person.id),
        specialDates: await repository.specialDatesOf(session, person.id),
      })),
    );
    return withLinks.sort((a, b) =>
      displayPersonName(a.person).localeCompare(displayPersonName(b.person), 'en-GB'),
    );
  }, [repository, session]);
  return { people, repository };
}
