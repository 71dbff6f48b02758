import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fail, ok } from '@shared/result';
import { createDraftKeeper } from './draft-keeper';
import { dropKeysNow } from './end-session';
import type { Session } from '../db/session';
import { SessionContext, type LockReason, type SessionApi, type SessionState } from './session-context';
import { useAuthService } from './useAuthService';
import { useAutoLockMinutes } from './useAutoLockMinutes';
import { useIdleTimer } from './useIdleTimer';
import { useLockWhenTheComputerLocks } from './useLockWhenTheComputerLocks';

/** Housekeeping after a lock or sign-out: it runs on its own, and a failure is logged, never shown. */
function finishWithoutKeys(...work: Promise<void>[]): void {
  void Promise.allSettled(work).then((outcomes) => {
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        console.error('Something could not be finished after the session ended', outcome.reason);
  });
}

/**
 * Holds who is signed in. Locking and signing out drop every key first (`dropKeysNow`), before
 * anything is awaited, and show the lock screen; drafts already sealed are written and the lock
 * is recorded afterwards, with no key (the audit entry joins the log at the next sign-in).
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
    (reason: LockReason): Promise<void> => {
      const current = stateRef.current;
      if (current.kind !== 'signedIn') return Promise.resolve();
      const { staff } = current.session;
      const keepingDrafts = dropKeysNow(current.session, draftKeeper);
      const locked: SessionState = { kind: 'locked', staffId: staff.id, username: staff.username, reason };
      // A second lock arriving before the render (idle and the computer locking together) finds nothing to do.
      stateRef.current = locked;
      setState(locked);
      // The lock is done; what follows needs no key, and a slow disk or main process cannot hold it up.
      finishWithoutKeys(keepingDrafts, auth.recordSessionEnded(staff.id, 'session.locked', reason));
      return Promise.resolve();
    },
    [auth, draftKeeper],
  );

  const signOut = useCallback((): Promise<void> => {
    const current = stateRef.current;
    const signedOut: SessionState = { kind: 'signedOut' };
    if (current.kind === 'signedIn') {
      const { staff } = current.session;
      const keepingDrafts = dropKeysNow(current.session, draftKeeper);
      finishWithoutKeys(keepingDrafts, auth.recordSessionEnded(staff.id, 'session.signed-out'));
    }
    stateRef.current = signedOut;
    setState(signedOut);
    return Promise.resolve();
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
