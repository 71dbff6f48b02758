import { useLiveQuery } from 'dexie-react-hooks';
import { prepareRestrictionIndex, type RestrictionIndex } from '@shared/rules/restriction-check';
import type { VisibleRestriction } from '@shared/rules/access';
import { useDatabase } from '../../db/useDatabase';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';

export type DoorRestrictions = {
  readonly index: RestrictionIndex;
  readonly byId: ReadonlyMap<string, VisibleRestriction>;
  /** Restrictions that did not open (changed outside the app): the door then clears no one. */
  readonly damagedIds: readonly string[];
};

/**
 * The restrictions in force today, read once and indexed for the check that runs as a name is
 * typed; kept live, so one recorded a minute ago is checked at once. Undefined while loading.
 * Each is held as this person may see it: for care staff, never the authority or its reference.
 */
export function useDoorRestrictions(today: string): DoorRestrictions | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const { restrictions: inForce, damagedIds } = await restrictionRepository(db).listInForce(session, today);
    return {
      index: prepareRestrictionIndex(inForce),
      byId: new Map(inForce.map((restriction) => [restriction.id, restriction])),
      damagedIds,
    };
  }, [db, session, today]);
}
