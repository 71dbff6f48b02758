import { useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import { visitorLogRepository } from '../db/repositories/visitor-log-repository';
import { useSession } from '../security/session-context';

/** The visitor register, opened with the signed-in person's keys. */
export function useVisitorLog() {
  const db = useDatabase();
  const { cipher } = useSession();
  return useMemo(() => visitorLogRepository(db, cipher), [db, cipher]);
}
