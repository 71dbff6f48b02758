import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import {
  myYoungPeopleRepository,
  type MyYoungPeopleRead,
} from '../../db/repositories/my-young-people-repository';
import { useSession } from '../../security/session-context';

/**
 * The signed-in person's young people and what they owe each, kept live: a contact recorded or a
 * visit booked from a line shows at once as done or booked. Undefined while loading.
 */
export function useMyYoungPeople(today: string, timeZone: string): MyYoungPeopleRead | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => myYoungPeopleRepository(db), [db]);
  return useLiveQuery(
    () => repository.read(session, new Date(), today, timeZone),
    [repository, session, today, timeZone],
  );
}
