import { displayPersonName } from '@shared/display-names';
import { peopleRepository, type PersonWithRelationships } from '../../db/repositories/people-repository';
import { useLiveRead } from '../../common/useLiveRead';

/**
 * Everyone in the family and friends list with how they relate to each young person and, for
 * those who hold casework, their special dates; by name, kept live.
 */
export function usePeopleWithRelationships() {
  const { repository, value: people } = useLiveRead(
    peopleRepository,
    async (repository, session): Promise<PersonWithRelationships[]> => {
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
    },
    [],
  );
  return { people, repository };
}
