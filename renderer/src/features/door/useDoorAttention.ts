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
    // A correction keeps the check of what it corrects: only one that named a restriction the
    // original did not (a false name found out later) is news. A badge number corrected, or a
    // supervised visitor put back on site, is not.
    const restrictedCorrections: VisitorEntry[] = [];
    for (const entry of recent) {
      if (entry.amendsEntryId === undefined || entry.kind !== 'visit') continue;
      if (entry.restrictionCheck !== 'block' && entry.restrictionCheck !== 'warn') continue;
      const [original] = await visitorLog.versions(entry.id);
      const before = new Set(original?.id === entry.id ? [] : (original?.matchedRestrictionIds ?? []));
      if (entry.matchedRestrictionIds.some((id) => !before.has(id))) restrictedCorrections.push(entry);
    }
    return {
      notSignedOut: onSite.filter((entry) => entry.arrivedAt < startOfToday),
      overrides: recent.filter((entry) => entry.restrictionCheck === 'overridden').reverse(),
      restrictedCorrections: restrictedCorrections.reverse(),
    };
  }, [visitorLog, today, timeZone]);
}
