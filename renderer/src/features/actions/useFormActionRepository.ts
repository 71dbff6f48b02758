import { useMemo } from 'react';
import { useDatabase } from '../../db/useDatabase';
import { formActionRepository } from '../../db/repositories/form-action-repository';

/** The tracked-actions repository for this window's database. */
export function useFormActionRepository() {
  const db = useDatabase();
  return useMemo(() => formActionRepository(db), [db]);
}
