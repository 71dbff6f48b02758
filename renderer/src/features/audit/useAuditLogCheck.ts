import { useCallback, useMemo } from 'react';
import { auditLog } from '../../db/repositories/audit-log-repository';

export type { AuditLogCheck } from '../../db/repositories/audit-log-repository';
export type { ComputerChainCheck } from '../../db/repositories/audit-chain-reads';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

/**
 * `check`, which verifies the whole audit log, every computer's chain, and records that it was checked (the entry appears
 * in the list by itself: the list is kept live). Manager only.
 */
export function useAuditLogCheck() {
  const db = useDatabase();
  const session = useSession();
  const log = useMemo(() => auditLog(db), [db]);
  return useCallback(() => log.check(session), [log, session]);
}
