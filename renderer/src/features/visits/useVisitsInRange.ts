import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { visitRepository, type VisitFilter } from '../../db/repositories/visit-repository';
import { useSession } from '../../security/session-context';
import { startOfDayIn } from '@shared/home-time';

/** The visits overlapping the dates [from, to) in the home's zone, filtered, kept live; undefined while loading. */
export function useVisitsInRange(range: { from: string; to: string }, filter: VisitFilter, timeZone: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => visitRepository(db), [db]);
  const { youngPersonId, staffId, roomId } = filter;
  const visits = useLiveQuery(
    () =>
      repository.listBetween(session, startOfDayIn(range.from, timeZone), startOfDayIn(range.to, timeZone), {
        ...(youngPersonId ? { youngPersonId } : {}),
        ...(staffId ? { staffId } : {}),
        ...(roomId ? { roomId } : {}),
      }),
    [repository, session, range.from, range.to, timeZone, youngPersonId, staffId, roomId],
  );
  return { visits };
}
