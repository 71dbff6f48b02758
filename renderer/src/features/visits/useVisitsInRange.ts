import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { visitRepository, type VisitFilter } from '../../db/repositories/visit-repository';
import { useSession } from '../../security/session-context';
import { startOfDayIn } from '@shared/home-time';

/**
 * The visits overlapping the dates [from, to) in the home's zone, filtered, kept live; undefined
 * while loading. With no range nothing is read (a view that is not showing yet).
 */
export function useVisitsInRange(
  range: { from: string; to: string } | undefined,
  filter: VisitFilter,
  timeZone: string,
) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => visitRepository(db), [db]);
  const { youngPersonId, staffId, roomId } = filter;
  const { from, to } = range ?? {};
  const visits = useLiveQuery(
    () =>
      from === undefined || to === undefined
        ? undefined
        : repository.listDiaryBetween(session, startOfDayIn(from, timeZone), startOfDayIn(to, timeZone), {
            ...(youngPersonId ? { youngPersonId } : {}),
            ...(staffId ? { staffId } : {}),
            ...(roomId ? { roomId } : {}),
          }),
    [repository, session, from, to, timeZone, youngPersonId, staffId, roomId],
  );
  return { visits };
}
