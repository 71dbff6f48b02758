import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fail, ok } from '@shared/result';
import { createDraftKeeper } from './draft-keeper';
import type { Session } from '../db/session';
import { SessionContext, type LockReason, type SessionApi, type SessionState } from './session-context';
import { useAuthService } from './useAuthService';
import { useAutoLockMinutes } from './useAutoLockMinutes';
import { useIdleTimer } from './useIdleTimer';
import { useLockWhenTheComputerLocks } from './useLockWhenTheComputerLocks';

/**
 * Holds who is signed in. Locking keeps drafts first, records the lock, then drops the session
 * (and with it every key) so nothing readable stays in memory or on screen.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const auth = useAuthService();
  const draftKeeper = useMemo(() => createDraftKeeper(), []);
  const [state, setState] = useState<SessionState>({ kind: 'signedOut' });
  // Callbacks read the latest state through a ref, so they stay stable for the idle timer and
  // the system-lock listener instead of re-subscribing on every change.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const autoLockMinutes = useAutoLockMinutes();

  const signIn = useCallback<SessionApi['signIn']>(
    async (username, password) => {
      const result = await auth.signIn(username, password);
      if (!result.ok) return fail(result.error.code, result.error.message);
      setState({
        kind: 'signedIn',
        session: result.value.session,
        mustChangePassword: result.value.mustChangePassword,
      });
      return ok(undefined);
    },
    [auth],
  );

  const begin = useCallback((session: Session, mustChangePassword: boolean) => {
    setState({ kind: 'signedIn', session, mustChangePassword });
  }, []);

  const lock = useCallback(
    async (reason: LockReason) => {
      const current = stateRef.current;
      if (current.kind !== 'signedIn') return;
      await draftKeeper.flushAll();
      try {
        await auth.recordSessionEvent(current.session, 'session.locked', reason);
      } finally {
        // Lock whatever happens to the log entry: an unlocked screen is the worse failure.
        setState({
          kind: 'locked',
          staffId: current.session.staff.id,
          username: current.session.staff.username,
          reason,
        });
      }
    },
    [auth, draftKeeper],
  );

  const signOut = useCallback(async () => {
    const current = stateRef.current;
    if (current.kind === 'signedIn') {
      await draftKeeper.flushAll();
      await auth.recordSessionEvent(current.session, 'session.signed-out');
    }
    setState({ kind: 'signedOut' });
  }, [auth, draftKeeper]);

  const passwordChanged = useCallback(() => {
    const current = stateRef.current;
    if (current.kind === 'signedIn') setState({ ...current, mustChangePassword: false });
  }, []);

  const onIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleTimer(autoLockMinutes, onIdle, state.kind === 'signedIn');
  useLockWhenTheComputerLocks(lock);

  const api = useMemo<SessionApi>(
    () => ({ state, draftKeeper, signIn, begin, lock, signOut, passwordChanged }),
    [state, draftKeeper, signIn, begin, lock, signOut, passwordChanged],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
