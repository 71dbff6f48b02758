import { useCallback } from 'react';
import { useDatabase } from '../../app/database-context';
import { auditLog } from '../../db/repositories/audit-log-repository';
import { useSession } from '../../security/session-context';

/**
 * Records in the audit log that the main process refused a file name (a separator, "..", a colon,
 * NUL or a device name: electron/main/services/case-file.ts). Such a name can only come from data
 * changed outside the app, so the manager should see it. The detail is the main process's reason,
 * which never repeats the name itself.
 */
export function useRecordRefusedFileName(): (formId: string, reason: string) => Promise<void> {
  const db = useDatabase();
  const session = useSession();
  return useCallback(
    (formId: string, reason: string) =>
      auditLog(db).write(
        { actorId: session.staff.id, auditKey: session.auditKey },
        [{ action: 'file.name-refused', recordType: 'contactForm', recordId: formId, detail: reason }],
        [],
        () => Promise.resolve(),
        new Date(),
      ),
    [db, session],
  );
}
