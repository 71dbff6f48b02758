import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { undoSignOutWindowMs } from '../../db/repositories/visitor-log-repository';
import { useVisitorLog } from '../../common/useVisitorLog';

const leftAt = (entry: VisitorEntry) => Date.parse(entry.departedAt ?? '');

/**
 * Visitors signed out in the last 2 minutes, who can still be put back on site from the door; each
 * drops off the list the moment its 2 minutes are up. Kept live; undefined while loading.
 */
export function useRecentlySignedOut(): VisitorEntry[] | undefined {
  const visitorLog = useVisitorLog();
  const [now, setNow] = useState(() => Date.now());
  const recent = useLiveQuery(
    () => visitorLog.signedOutSince(new Date(Date.now() - undoSignOutWindowMs).toISOString()),
    [visitorLog, now],
  );
  const stillInTime = useMemo(
    () => recent?.filter((entry) => entry.kind === 'visit' && leftAt(entry) + undoSignOutWindowMs > now),
    [recent, now],
  );
  useEffect(() => {
    if (!stillInTime || stillInTime.length === 0) return;
    const nextExpiry = Math.min(...stillInTime.map((entry) => leftAt(entry) + undoSignOutWindowMs));
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, nextExpiry - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [stillInTime]);
  return stillInTime;
}
