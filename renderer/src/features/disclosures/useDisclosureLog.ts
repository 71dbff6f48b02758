import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../db/useDatabase';
import { disclosureRepository, type DisclosureFilter } from '../../db/repositories/disclosure-repository';
import { useSession } from '../../security/session-context';

/** The disclosure log with the manager's filters, newest first, kept live; undefined while loading or not the manager's. */
export function useDisclosureLog(filter: DisclosureFilter) {
  const db = useDatabase();
  const session = useSession();
  const { youngPersonId, from, to } = filter;
  return useLiveQuery(
    () =>
      disclosureRepository(db).list(session, {
        ...(youngPersonId ? { youngPersonId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      }),
    [db, session, youngPersonId, from, to],
  );
}
