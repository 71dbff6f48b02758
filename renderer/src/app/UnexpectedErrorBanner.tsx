import { useContext } from 'react';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { SessionContext } from '../security/session-context';
import { useUnexpectedFailure } from './useUnexpectedFailure';

/**
 * The safety net under every button: an action that fails in a way nobody planned for (a bug, a
 * storage error) would otherwise leave the screen waiting in silence. This says so in plain words
 * and leaves the form as it was, so nothing typed is lost and the person can try again. The error
 * itself is logged (the main process keeps the console). It sits inside the session, when there
 * is one, so the manager is told what to do rather than to tell the manager.
 */
export function UnexpectedErrorBanner() {
  const { isShown, dismiss } = useUnexpectedFailure();
  const sessionState = useContext(SessionContext)?.state;
  const roles = sessionState?.kind === 'signedIn' ? sessionState.session.roles : [];

  if (!isShown) return null;
  return (
    <div className="banner banner--error unexpected-error" role="alert">
      <p>
        Something went wrong and that last action may not have finished. What you typed is still here: check
        it and try again. {whatToDoNext(roles, 'unexpected-error')}
      </p>
      <button type="button" className="button button--secondary" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
