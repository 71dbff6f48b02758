import { useEffect, useState } from 'react';
import { isSyncServerUnreachable } from '../platform/sync/ipc-fetch';
import { isRefusedForDroppedKeys } from '../security/end-session';

/**
 * Whether something failed that nobody planned for: an unhandled rejection or error anywhere on
 * the page, less the failures that are expected and already shown elsewhere. The error itself
 * is logged (the main process keeps the console).
 */
export function useUnexpectedFailure(): { readonly isShown: boolean; readonly dismiss: () => void } {
  const [isShown, setShown] = useState(false);

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      // Work started before the screen locked, refused because the keys are gone: expected, and
      // the person did not just do anything that failed.
      if (isRefusedForDroppedKeys(event.reason)) {
        event.preventDefault();
        return;
      }
      // Sync's own retries when the server is out of reach: shown by the sync status, not an
      // action anyone took.
      if (isSyncServerUnreachable(event.reason)) {
        event.preventDefault();
        console.warn('The sync server is out of reach; sync will try again', event.reason);
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

  return { isShown, dismiss: () => setShown(false) };
}
