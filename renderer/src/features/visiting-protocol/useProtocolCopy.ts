import { useMemo } from 'react';
import type { FamilyLinksApi } from '@shared/ipc/client';
import { disclosureRepository } from '../../db/repositories/disclosure-repository';
import { visitingProtocolRepository } from '../../db/repositories/visiting-protocol-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { useSession } from '../../security/session-context';

/**
 * A visitor's copy of the protocol leaving the app, through the same path as every signed copy:
 * the main process lays it out, signs it and saves it (`signReport`, undefined with no bridge to
 * the main process); the disclosure (and its audit entry) is recorded only once it is saved.
 */
export function useProtocolCopy() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () => ({
      version: (version: number) => visitingProtocolRepository(db).version(session, version),
      signReport: api
        ? (request: Parameters<FamilyLinksApi['documents:sign-report']>[0]) =>
            api['documents:sign-report'](request)
        : undefined,
      recordDisclosure: (request: unknown, answer: unknown) =>
        disclosureRepository(db).record(session, request, answer),
    }),
    [db, session, api],
  );
}
