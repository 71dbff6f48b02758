import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitorEntry } from '@shared/schemas/registers';
import { useVisitorLog } from '../../common/useVisitorLog';

/** Everyone signed in and not yet out, by arrival (the fire roll); kept live, undefined while loading. */
export function useOnSite(): VisitorEntry[] | undefined {
  const visitorLog = useVisitorLog();
  return useLiveQuery(() => visitorLog.onSite(), [visitorLog]);
}
