import { useMemo } from 'react';
import type { FamilyLinksApi } from '@shared/ipc/client';
import { chronologyRepository } from '../../db/repositories/chronology-repository';
import { disclosureRepository } from '../../db/repositories/disclosure-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { useSession } from '../../security/session-context';

/**
 * A signed copy of a chronology leaving the app: the main process lays it out, signs it and saves
 * it (`signReport`, undefined in a window with no bridge to the main process); the disclosure and
 * the audit entry with the file's SHA-256 are recorded only once it is saved.
 */
export function useChronologyExports() {
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
      recordSignedCopy: (copy: Parameters<ReturnType<typeof chronologyRepository>['recordSignedCopy']>[1]) =>
        chronologyRepository(db).recordSignedCopy(session, copy),
    }),
    [db, session, api],
  );
}
