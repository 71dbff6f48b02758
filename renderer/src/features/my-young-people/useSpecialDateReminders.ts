import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { specialDateReminders, type SpecialDateReminder } from '../../db/repositories/special-date-reminders';
import { useSession } from '../../security/session-context';

/**
 * The special dates of the signed-in Personal Tutor's young people's family in the coming week,
 * soonest first; kept live, undefined while loading.
 */
export function useSpecialDateReminders(today: string): readonly SpecialDateReminder[] | undefined {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => specialDateReminders(db), [db]);
  return useLiveQuery(() => repository.dueFor(session, today), [repository, session, today]);
}
