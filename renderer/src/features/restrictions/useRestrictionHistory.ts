import { useLiveQuery } from 'dexie-react-hooks';
import type { Restriction } from '@shared/schemas/registers';
import { useDatabase } from '../../db/useDatabase';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';

export type RestrictionHistoryState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'not-permitted' }
  | {
      readonly kind: 'loaded';
      readonly versions: readonly { readonly at: string; readonly version: Restriction }[];
    };

/** Earlier versions of one restriction, newest first, for those who may read its authority. */
export function useRestrictionHistory(restrictionId: string): RestrictionHistoryState {
  const db = useDatabase();
  const session = useSession();
  const found = useLiveQuery(
    async () => ({ versions: await restrictionRepository(db).history(session, restrictionId) }),
    [db, session, restrictionId],
  );
  if (found === undefined) return { kind: 'loading' };
  return found.versions === undefined
    ? { kind: 'not-permitted' }
    : { kind: 'loaded', versions: found.versions };
}
