import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { prepareRestrictionIndex, type RestrictionIndex } from '@shared/rules/restriction-check';
import { useHomeToday } from '../../common/useHomeToday';
import { useDatabase } from '../../db/useDatabase';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';

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
  const db = useDatabase();
  const session = useSession();
  const today = useHomeToday();
  const repository = useMemo(() => restrictionRepository(db), [db]);
  return useLiveQuery(async () => {
    const read = await repository.listForCheck(session, today);
    return {
      index: prepareRestrictionIndex(read.restrictions),
      damagedCount: read.damagedIds.length,
      today,
    };
  }, [repository, session, today]);
}
