import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { auditLog } from '../../db/repositories/audit-log-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * The newest `limit` entries of the audit log, kept live (new entries, the screen's own check
 * included, appear without a reload), and `check`, which verifies the whole log and records that
 * it was checked. Manager only: `entries` is undefined while loading or for anyone else.
 */
export function useAuditLog(limit: number) {
  const db = useDatabase();
  const session = useSession();
  const log = useMemo(() => auditLog(db), [db]);
  const entries = useLiveQuery(() => log.page(session.roles, { limit }), [log, session.roles, limit]);
  const check = useCallback(() => log.check(session), [log, session]);
  return { entries, check };
}
