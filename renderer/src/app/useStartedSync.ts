import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../db/useDatabase';
import { createPendingAdditions } from '../db/sync/pending-additions';
import { useSessionApi } from '../security/session-context';
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
  const [keyBehindSince, setKeyBehindSince] = useState<string | undefined>(undefined);
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
      return startAppSync(
        db,
        api,
        () => setIsRefused(true),
        (standing) => setKeyBehindSince(standing.behindSince),
      );
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
  const pending = usePendingAdditions(sync);
  return useMemo(
    () => ({ sync, restart, isRefused, keyBehindSince, pending }),
    [sync, restart, isRefused, keyBehindSince, pending],
  );
}

/**
 * The manager's pending additions, endorsed in the background while they are signed in, whatever
 * screen is open. Signing out, locking or another person signing in drops them: the code's keys
 * belong to the session that made them, and the panel says to add the computer again.
 */
function usePendingAdditions(sync: AppSync | undefined) {
  const [pending] = useState(createPendingAdditions);
  const { state } = useSessionApi();
  const session = state.kind === 'signedIn' ? state.session : undefined;
  useEffect(() => {
    if (!session || !sync) return undefined;
    let stop: (() => void) | undefined;
    let isCurrent = true;
    // An expired code is ended on the server as the manager who made it: that needs their proof.
    // The proof code (and the whole IPC contract under it) loads here, not before the sign-in form.
    import('../security/sync-manager-calls')
      .then(({ syncManagerCallsAs }) => {
        if (isCurrent) stop = sync.watchAdditions(syncManagerCallsAs(sync.api, session), session, pending);
      })
      .catch((error: unknown) => console.error('Pending computers could not be watched', error));
    return () => {
      isCurrent = false;
      stop?.();
    };
  }, [sync, session, pending]);
  const staffId = session?.staff.id;
  useEffect(() => {
    if (!staffId) return undefined;
    return () => pending.clear();
  }, [staffId, pending]);
  return pending;
}

/** Whether the server has refused this computer (the manager removed it). */
export const useSyncRefused = (): boolean => useAppSync().isRefused;

/** When this computer stopped holding the home's newest sync key, if it has not been given it. */
export const useSyncKeyBehindSince = (): string | undefined => useAppSync().keyBehindSince;
