import { useLiveQuery } from 'dexie-react-hooks';
import type { ContactArrangement } from '@shared/schemas/contact-plans';
import { useDatabase } from '../../db/useDatabase';
import { contactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useSession } from '../../security/session-context';

/**
 * The door part of the contact plans of the young people being visited (never who agreed them);
 * kept live, so an arrangement changed in the office shows at the door at once. Undefined while
 * loading or before anyone is ticked.
 */
export function useDoorPlan(
  youngPersonIds: readonly string[],
): readonly Omit<ContactArrangement, 'agreement'>[] | undefined {
  const db = useDatabase();
  const session = useSession();
  const key = [...youngPersonIds].sort().join(',');
  return useLiveQuery(
    async () => (key === '' ? [] : contactPlanRepository(db).doorViewFor(session, key.split(','))),
    [db, session, key],
  );
}
