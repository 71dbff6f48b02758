import { useLiveQuery } from 'dexie-react-hooks';
import { startOfDayBefore } from '@shared/home-time';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useSession } from '../../security/session-context';
import { useContactFormRepository } from './useContactFormRepository';

/** How far back the manager's panel lists contacts that went against a restriction. */
export const alertWindowDays = 14;

/**
 * For the manager: forms recording a restricted person as taking part, newest first; kept live.
 * The window opens at midnight on the home's clock `alertWindowDays` days before today there.
 */
export function useContactFormAlerts(now: Date) {
  const repository = useContactFormRepository();
  const session = useSession();
  const timeZone = useHomeTimeZone();
  const since = startOfDayBefore(now, alertWindowDays, timeZone);
  return useLiveQuery(() => repository.restrictionAlerts(session, since), [repository, session, since]);
}
