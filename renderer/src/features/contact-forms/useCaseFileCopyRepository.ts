import { useMemo } from 'react';
import { caseFileCopyRepository } from '../../db/repositories/case-file-copy-repository';
import { useDatabase } from '../../db/useDatabase';

/** The case-file copy queue for this window's database. */
export function useCaseFileCopyRepository() {
  const db = useDatabase();
  return useMemo(() => caseFileCopyRepository(db), [db]);
}
