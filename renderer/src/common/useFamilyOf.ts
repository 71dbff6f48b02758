import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../db/useDatabase';
import { displayPersonName } from '@shared/display-names';
import { peopleRepository } from '../db/repositories/people-repository';
import { useSession } from '../security/session-context';

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
