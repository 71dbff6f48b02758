import { useContext, useEffect, useState } from 'react';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { isRefusedForDroppedKeys } from '../security/end-session';
import { SessionContext } from '../security/session-context';

/**
 * The safety net under every button: an action that fails in a way nobody planned for (a bug, a
 * storage error) would otherwise leave the screen waiting in silence. This says so in plain words
 * and leaves the form as it was, so nothing typed is lost and the person can try again. The error
 * itself is logged (the main process keeps the console). It sits inside the session, when there
 * is one, so the manager is told what to do rather than to tell the manager.
 */
export function UnexpectedErrorBanner() {
  const [isShown, setShown] = useState(false);
  const sessionState = useContext(SessionContext)?.state;
  const roles = sessionState?.kind === 'signedIn' ? sessionState.session.roles : [];

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      // Work started before the screen locked, refused because the keys are gone: expected, and
      // the person did not just do anything that failed.
      if (isRefusedForDroppedKeys(event.reason)) {
        event.preventDefault();
        return;
      }
      console.error('An action failed unexpectedly', event.reason);
      setShown(true);
    };
    const onError = (event: ErrorEvent) => {
      console.error('An unexpected error', event.error);
      setShown(true);
    };
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, []);

  if (!isShown) return null;
  return (
    <div className="banner banner--error unexpected-error" role="alert">
      <p>
        Something went wrong and that last action may not have finished. What you typed is still here: check
        it and try again. {whatToDoNext(roles, 'unexpected-error')}
      </p>
      <button type="button" className="button button--secondary" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </div>
  );
}
