import type { ReactNode } from 'react';
import { SyncContext, useStartedSync } from './useStartedSync';

/** Runs the app's sync beneath the records, for every screen, signed in or not. */
export function SyncProvider({ children }: { children: ReactNode }) {
  return <SyncContext.Provider value={useStartedSync()}>{children}</SyncContext.Provider>;
}
