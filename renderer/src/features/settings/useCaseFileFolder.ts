import { useMemo } from 'react';
import { caseFileCopyRepository } from '../../db/repositories/case-file-copy-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { callAsManager } from '../../security/manager-proof';
import { useSession } from '../../security/session-context';

/**
 * The case-file folder the main process writes signed copies to: whether it can be reached now,
 * choosing another (in the system dialog), and the audit entry for a change. Undefined in a window
 * with no bridge to the main process.
 */
export function useCaseFileFolder() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () =>
      api && {
        status: () => api['case-file:folder-status']({}),
        // Manager only, and the main process checks it: the request carries the manager's proof.
        choose: () => callAsManager(api, session, 'case-file:choose-folder', {}),
        recordChange: (detail: string) => caseFileCopyRepository(db).recordFolderChange(session, detail),
      },
    [db, session, api],
  );
}
