import { useMemo } from 'react';
import type { FamilyLinksApi } from '@shared/ipc/client';
import { reviewRepository, type ReviewRepository } from '../../db/repositories/review-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { useSession } from '../../security/session-context';

/**
 * The termly report leaving the app: `recordExport` notes it in the audit log with the file's
 * SHA-256; `signReport` has the main process lay the report out, sign it with the person's key and
 * save it, and is undefined in a window with no bridge to the main process.
 */
export function useReportExports() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () => ({
      recordExport: (report: Parameters<ReviewRepository['recordReportExport']>[1]) =>
        reviewRepository(db).recordReportExport(session, report),
      signReport: api
        ? (request: Parameters<FamilyLinksApi['documents:sign-report']>[0]) =>
            api['documents:sign-report'](request)
        : undefined,
    }),
    [db, session, api],
  );
}
