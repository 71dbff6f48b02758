import { useMemo } from 'react';
import type { FamilyLinksApi } from '@shared/ipc/client';
import { declarationRepository } from '../../db/repositories/declaration-repository';
import { disclosureRepository } from '../../db/repositories/disclosure-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { useSession } from '../../security/session-context';

/**
 * A signed PDF of one person's declarations leaving the app: the main process lays it out, signs
 * it and saves it (`signReport`, undefined in a window with no bridge to the main process); the
 * disclosure and then the audit entry are recorded only once it is saved.
 */
export function useDeclarationsPdf() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () => ({
      signReport: api
        ? (request: Parameters<FamilyLinksApi['documents:sign-report']>[0]) =>
            api['documents:sign-report'](request)
        : undefined,
      recordDisclosure: (request: unknown, answer: unknown) =>
        disclosureRepository(db).record(session, request, answer),
      recordSignedPdf: (
        staffId: string,
        saved: Parameters<ReturnType<typeof declarationRepository>['recordSignedPdf']>[2],
      ) => declarationRepository(db).recordSignedPdf(session, staffId, saved),
    }),
    [db, session, api],
  );
}
