import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';

/** One young person's restrictions as this person may see them, kept live; undefined while loading. */
export function useRestrictions(youngPersonId: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => restrictionRepository(db), [db]);
  const restrictions = useLiveQuery(
    () => repository.listForYoungPerson(session, youngPersonId),
    [repository, session, youngPersonId],
  );
  return { restrictions, repository };
}
