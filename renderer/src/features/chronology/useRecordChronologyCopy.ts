import { useCallback } from 'react';
import { chronologyRepository } from '../../db/repositories/chronology-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

type SignedCopy = Parameters<ReturnType<typeof chronologyRepository>['recordSignedCopy']>[1];

/** Notes a saved signed copy of a chronology in the audit log, with its SHA-256 and disclosure. */
export function useRecordChronologyCopy() {
  const db = useDatabase();
  const session = useSession();
  return useCallback(
    (copy: SignedCopy) => chronologyRepository(db).recordSignedCopy(session, copy),
    [db, session],
  );
}
