import { useLiveQuery } from 'dexie-react-hooks';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';

/** How far back the manager's panel lists contacts that went against a restriction. */
export const alertWindowDays = 14;

/** For the manager: forms recording a restricted person as taking part, newest first; kept live. */
export function useContactFormAlerts(now: Date) {
  const repository = useContactFormRepository();
  const session = useSession();
  const since = new Date(now.getTime() - alertWindowDays * 24 * 3_600_000).toISOString().slice(0, 10);
  return useLiveQuery(
    () => repository.restrictionAlerts(session, `${since}T00:00:00.000Z`),
    [repository, session, since],
  );
}
