import { createContext, useCallback, useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../db/useDatabase';
import type { AppSync } from '../db/sync/app-sync';
import { windowApi } from '../platform/window-api';

/** The app's sync, while it runs; `restart` after this computer is set up, joins or forgets the server. */
export type SyncState = { readonly sync: AppSync | undefined; readonly restart: () => void };

export const SyncContext = createContext<SyncState>({ sync: undefined, restart: () => undefined });

/**
 * Starts sync when the records open, if this computer has a server (with nobody signed in too:
 * the door needs the records), and stops it when the app closes or `restart` is called.
 */
export function useStartedSync(): SyncState {
  const db = useDatabase();
  const [sync, setSync] = useState<AppSync | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const api = windowApi();
    if (!api) return undefined;
    let started: AppSync | undefined;
    let isCurrent = true;
    void (async () => {
      // Without a server nothing more is loaded: PouchDB comes in its own chunk, when needed.
      const status = await api['sync:get-status']({});
      if (!status.ok || !status.value.configured) return;
      const { startAppSync } = await import('../db/sync/app-sync');
      return startAppSync(db, api);
    })()
      .then((running) => {
        if (!running) return;
        if (!isCurrent) return running.stop();
        started = running;
        setSync(running);
      })
      .catch((error: unknown) => console.error('Sync could not start', error));
    return () => {
      isCurrent = false;
      started?.stop();
      setSync(undefined);
    };
  }, [db, attempt]);
  const restart = useCallback(() => setAttempt((count) => count + 1), []);
  return useMemo(() => ({ sync, restart }), [sync, restart]);
}
