import { useEffect, useMemo } from 'react';
import { useDatabase } from '../db/useDatabase';
import type { AuthService } from './auth-service';
import { lazyAuthService } from './lazy-auth-service';

export function useAuthService(): AuthService & { readonly preload: () => void } {
  const db = useDatabase();
  return useMemo(() => lazyAuthService(db), [db]);
}

/**
 * Starts loading the account service once a screen that asks for a password has been drawn and
 * the page is idle, so that signing in does not wait for it.
 */
export function useAuthServicePreloaded(): void {
  const auth = useAuthService();
  useEffect(() => {
    if (typeof globalThis.requestIdleCallback !== 'function') {
      const timer = setTimeout(auth.preload, 0);
      return () => clearTimeout(timer);
    }
    const handle = globalThis.requestIdleCallback(auth.preload, { timeout: 2000 });
    return () => globalThis.cancelIdleCallback(handle);
  }, [auth]);
}
