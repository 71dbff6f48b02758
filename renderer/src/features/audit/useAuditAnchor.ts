import { useEffect, useMemo, useState } from 'react';
import type { AnchorHistoryEntry } from '@shared/ipc/channels/audit';
import type { AnchorReading } from '../../platform/audit-anchor-port';
import { auditLog } from '../../db/repositories/audit-log-repository';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';

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
  const [reading, setReading] = useState<AnchorReading | undefined>();
  const [history, setHistory] = useState<readonly AnchorHistoryEntry[] | 'unavailable' | undefined>();
  useEffect(() => {
    let isCurrent = true;
    void Promise.all([log.anchorState(session.roles), log.anchorHistory(session.roles)]).then(
      ([state, entries]) => {
        if (!isCurrent) return;
        setReading(state);
        setHistory(entries);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [log, session.roles, version]);
  return { reading, history };
}
