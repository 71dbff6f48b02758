import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { youngPeopleRepository } from '../db/repositories/young-people-repository';
import { useSession } from '../security/session-context';

/** Every young person, by the name staff use, kept live; `youngPeople` is undefined while loading. */
export function useYoungPeople() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => youngPeopleRepository(db), [db]);
  const youngPeople = useLiveQuery(() => repository.list(session), [repository, session]);
  return { youngPeople, repository };
}
