import { useCallback, useMemo } from 'react';
import type { AnchorHistoryEntry } from '@shared/ipc/channels/audit';
import type { AnchorReading } from '../../platform/audit-anchor-port';
import { auditLog } from '../../db/repositories/audit-log-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { useLoadedValue } from '../../common/useLoadedValue';

/**
 * The main process's record of where the audit log ends, and its history (every start, adoption
 * and restore), for the Audit log screen; read again whenever `version` changes.
 */
export type AuditAnchorView = {
  readonly reading: AnchorReading | undefined;
  readonly history: readonly AnchorHistoryEntry[] | 'unavailable' | undefined;
};

export function useAuditAnchor(version: number): AuditAnchorView {
  const db = useDatabase();
  const session = useSession();
  const log = useMemo(() => auditLog(db), [db]);
  const roles = session.roles;
  const load = useCallback(
    () => Promise.all([log.anchorState(roles), log.anchorHistory(roles)]),
    [log, roles],
  );
  const loaded = useLoadedValue(load, 'Could not read where the audit log ends', version);
  const [reading, history] = loaded ?? [];
  return { reading, history };
}
