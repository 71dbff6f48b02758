import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { contactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useSession } from '../../security/session-context';

/** One young person's contact plan as this person may read it, kept live; undefined while loading. */
export function useContactPlan(youngPersonId: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => contactPlanRepository(db), [db]);
  const plan = useLiveQuery(
    () => repository.listForYoungPerson(session, youngPersonId),
    [repository, session, youngPersonId],
  );
  return { plan, repository };
}
