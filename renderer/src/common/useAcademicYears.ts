import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { academicYearRepository } from '../db/repositories/academic-year-repository';
import { useSession } from '../security/session-context';

/**
 * The academic years that can be trusted, earliest first, kept live, and those changed outside
 * Family Links (left out of `years`: `checkedCalendar`, with the session's audit key so a planted
 * entry vouches for nothing); both undefined while loading.
 */
export function useAcademicYears() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => academicYearRepository(db), [db]);
  const calendar = useLiveQuery(() => repository.checked(session), [repository, session]);
  return { years: calendar?.years, damaged: calendar?.damaged, repository };
}
