import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { addDays, startOfDayIn } from '@shared/home-time';
import { useVisitorLog } from '../../common/useVisitorLog';

/** How far back the home screen lists overrides at the door. */
export const overrideWindowDays = 7;

export type DoorAttention = {
  /** Still on the register from an earlier day: not signed out. */
  readonly notSignedOut: readonly VisitorEntry[];
  /** Visitors the manager admitted against a restriction, newest first. */
  readonly overrides: readonly VisitorEntry[];
  /**
   * Corrections that turned out to name someone restricted (the check ran again on the correction):
   * the visit may have gone ahead without the warning or block the door would have shown.
   */
  readonly restrictedCorrections: readonly VisitorEntry[];
};

/** What at the door needs someone's attention, as of `today` in `timeZone`; kept live, undefined while loading. */
export function useDoorAttention(today: string, timeZone: string): DoorAttention | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(async () => {
    const startOfToday = startOfDayIn(today, timeZone);
    const [onSite, recent] = await Promise.all([
      visitorLog.onSite(),
      visitorLog.registerBetween(
        startOfDayIn(addDays(today, -(overrideWindowDays - 1)), timeZone),
        startOfDayIn(addDays(today, 1), timeZone),
      ),
    ]);
    return {
      notSignedOut: onSite.filter((entry) => entry.arrivedAt < startOfToday),
      overrides: recent.filter((entry) => entry.restrictionCheck === 'overridden').reverse(),
      restrictedCorrections: recent
        .filter(
          (entry) =>
            entry.amendsEntryId !== undefined &&
            (entry.restrictionCheck === 'block' || entry.restrictionCheck === 'warn'),
        )
        .reverse(),
    };
  }, [visitorLog, today, timeZone]);
}
