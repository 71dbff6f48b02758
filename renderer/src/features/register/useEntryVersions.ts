import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { useVisitorLog } from '../../common/useVisitorLog';

/** Every version of one register entry, the original first; undefined while loading. */
export function useEntryVersions(id: string): VisitorEntry[] | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(() => visitorLog.versions(id), [visitorLog, id]);
}
