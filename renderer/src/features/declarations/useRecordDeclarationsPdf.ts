import { useCallback } from 'react';
import { declarationRepository } from '../../db/repositories/declaration-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

type SavedPdf = Parameters<ReturnType<typeof declarationRepository>['recordSignedPdf']>[2];

/** Notes a saved signed PDF of one person's declarations in the audit log, with its disclosure. */
export function useRecordDeclarationsPdf() {
  const db = useDatabase();
  const session = useSession();
  return useCallback(
    (staffId: string, saved: SavedPdf) => declarationRepository(db).recordSignedPdf(session, staffId, saved),
    [db, session],
  );
}
