import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../db/useDatabase';
import type { AppSync } from '../db/sync/app-sync';
import { useAppSync, type SyncState } from '../db/sync/sync-context';
import { windowApi } from '../platform/window-api';

export { SyncContext } from '../db/sync/sync-context';

/**
 * Starts sync when the records open, if this computer has a server (with nobody signed in too:
 * the door needs the records), and stops it when the app closes or `restart` is called.
 */
export function useStartedSync(): SyncState {
  const db = useDatabase();
  const [sync, setSync] = useState<AppSync | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [isRefused, setIsRefused] = useState(false);
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
      return startAppSync(db, api, () => setIsRefused(true));
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
  return useMemo(() => ({ sync, restart, isRefused }), [sync, restart, isRefused]);
}

/** Whether the server has refused this computer (the manager removed it). */
export const useSyncRefused = (): boolean => useAppSync().isRefused;
