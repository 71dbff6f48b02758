import { prepareRestrictionIndex, type RestrictionIndex } from '@shared/rules/restriction-check';
import { useHomeToday } from '../../common/useHomeToday';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useLiveRead } from '../../common/useLiveRead';

export type RestrictionsInForce = {
  readonly index: RestrictionIndex;
  /** Restrictions that did not open: who they were for cannot be known, so the list says so. */
  readonly damagedCount: number;
  readonly today: string;
};

/**
 * The restrictions in force today, as the door reads them (names, kind and instruction only,
 * never the authority), for marking people in the family list; kept live, undefined while loading.
 */
export function useRestrictionsInForce(): RestrictionsInForce | undefined {
  const today = useHomeToday();
  return useLiveRead(
    restrictionRepository,
    async (repository, session) => {
      const read = await repository.listForCheck(session, today);
      return {
        index: prepareRestrictionIndex(read.restrictions),
        damagedCount: read.damagedIds.length,
        today,
      };
    },
    [today],
  ).value;
}
