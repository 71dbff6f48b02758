import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { academicYearRepository } from '../db/repositories/academic-year-repository';

/**
 * The academic years that can be trusted, earliest first, kept live, and those changed outside
 * Family Links (left out of `years`: `checkedCalendar`); both undefined while loading.
 */
export function useAcademicYears() {
  const db = useDatabase();
  const repository = useMemo(() => academicYearRepository(db), [db]);
  const calendar = useLiveQuery(() => repository.checked(), [repository]);
  return { years: calendar?.years, damaged: calendar?.damaged, repository };
}
