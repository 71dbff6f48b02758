import { visitRepository } from '../../db/repositories/visit-repository';
import type { VisitFilter } from '../../db/repositories/visit-reads';
import { startOfDayIn } from '@shared/home-time';
import { useLiveRead } from '../../common/useLiveRead';

/**
 * The visits overlapping the dates [from, to) in the home's zone, filtered, kept live; undefined
 * while loading. With no range nothing is read (a view that is not showing yet).
 */
export function useVisitsInRange(
  range: { from: string; to: string } | undefined,
  filter: VisitFilter,
  timeZone: string,
) {
  const { youngPersonId, staffId, roomId } = filter;
  const { from, to } = range ?? {};
  const { value: visits } = useLiveRead(
    visitRepository,
    (repository, session) =>
      from === undefined || to === undefined
        ? undefined
        : repository.listDiaryBetween(session, startOfDayIn(from, timeZone), startOfDayIn(to, timeZone), {
            ...(youngPersonId ? { youngPersonId } : {}),
            ...(staffId ? { staffId } : {}),
            ...(roomId ? { roomId } : {}),
          }),
    [from, to, timeZone, youngPersonId, staffId, roomId],
  );
  return { visits };
}
