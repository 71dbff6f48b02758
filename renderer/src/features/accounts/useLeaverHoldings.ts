import { useCallback } from 'react';
import { useAsyncResult } from '../../common/useAsyncResult';
import { useSession } from '../../security/session-context';
import { useAuthService } from '../../security/useAuthService';

/** What `staffId` holds that must be handed over before their account goes off; undefined while loading. */
export function useLeaverHoldings(staffId: string) {
  const session = useSession();
  const auth = useAuthService();
  const load = useCallback(() => auth.leaverHoldings(session, staffId), [auth, session, staffId]);
  return useAsyncResult(load);
}
