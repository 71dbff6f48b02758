import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { addDays, startOfDayIn } from '@shared/home-time';
import { useVisitorLog } from '../../common/useVisitorLog';

/**
 * The register from the start of `from` to the end of `to` (dates in the home's zone), latest
 * versions only, earliest first; kept live. Undefined while loading.
 */
export function useRegister(from: string, to: string, timeZone: string): VisitorEntry[] | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(
    () => visitorLog.registerBetween(startOfDayIn(from, timeZone), startOfDayIn(addDays(to, 1), timeZone)),
    [visitorLog, from, to, timeZone],
  );
}
