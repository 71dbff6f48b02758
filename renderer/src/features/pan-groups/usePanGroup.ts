import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { panGroupRepository } from '../../db/repositories/pan-group-repository';
import { useSession } from '../../security/session-context';

/** A young person's PAN group as stored (null when nobody has been added yet), kept live; undefined while loading. */
export function usePanGroup(youngPersonId: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => panGroupRepository(db), [db]);
  const group = useLiveQuery(
    async () => (await repository.get(session, youngPersonId)) ?? null,
    [repository, session, youngPersonId],
  );
  return { group, repository };
}
