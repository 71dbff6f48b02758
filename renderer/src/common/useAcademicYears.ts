import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { academicYearRepository } from '../db/repositories/academic-year-repository';

/** Every academic year, earliest first, kept live; `years` is undefined while loading. */
export function useAcademicYears() {
  const db = useDatabase();
  const repository = useMemo(() => academicYearRepository(db), [db]);
  const years = useLiveQuery(() => repository.list(), [repository]);
  return { years, repository };
}
