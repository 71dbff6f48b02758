import { useEffect } from 'react';
import { windowApi } from '../platform/window-api';
import type { LockReason } from './session-context';

/** The computer locking or sleeping locks Family Links too: the main process says when. */
export function useLockWhenTheComputerLocks(lock: (reason: LockReason) => Promise<void>): void {
  useEffect(
    () => windowApi()?.onEvent('system:lock-requested', (payload) => void lock(payload.reason)),
    [lock],
  );
}
