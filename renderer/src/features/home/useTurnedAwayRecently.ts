import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { addDays, startOfDayIn } from '@shared/home-time';
import { useVisitorLog } from '../../common/useVisitorLog';

/** How far back the manager's home lists people turned away at the door. */
export const turnedAwayWindowDays = 7;

/**
 * Visitors turned away at the door in the last week (today and the 6 days before, in the home's
 * zone), newest first, latest versions only; kept live. Undefined while loading.
 */
export function useTurnedAwayRecently(today: string, timeZone: string): VisitorEntry[] | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(async () => {
    const entries = await visitorLog.registerBetween(
      startOfDayIn(addDays(today, -(turnedAwayWindowDays - 1)), timeZone),
      startOfDayIn(addDays(today, 1), timeZone),
    );
    return entries.filter((entry) => entry.kind === 'turnedAway').reverse();
  }, [visitorLog, today, timeZone]);
}
