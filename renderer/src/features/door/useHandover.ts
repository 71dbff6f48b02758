import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { useVisitorLog } from '../../common/useVisitorLog';

export type Handover = {
  /** Everyone signed in and not yet out. */
  readonly onSite: readonly VisitorEntry[];
  /** Visits that began or ended in the shift and are over. */
  readonly cameAndWent: readonly VisitorEntry[];
  readonly turnedAway: readonly VisitorEntry[];
  /** Visitors the manager admitted against a restriction in the shift (on site or gone). */
  readonly overridden: readonly VisitorEntry[];
};

/**
 * The end-of-shift handover at the door for [fromIso, toIso): who is on site, who came and went,
 * who was turned away, and the overrides. Kept live; undefined while loading.
 */
export function useHandover(fromIso: string, toIso: string): Handover | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(async () => {
    const [onSite, activity] = await Promise.all([
      visitorLog.onSite(),
      visitorLog.activityBetween(fromIso, toIso),
    ]);
    const visits = activity.filter((entry) => entry.kind === 'visit');
    return {
      onSite,
      cameAndWent: visits.filter((entry) => entry.departedAt !== undefined),
      turnedAway: activity.filter((entry) => entry.kind === 'turnedAway'),
      overridden: visits.filter(
        (entry) => entry.restrictionCheck === 'overridden' && entry.arrivedAt >= fromIso,
      ),
    };
  }, [visitorLog, fromIso, toIso]);
}
