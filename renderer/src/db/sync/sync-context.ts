import { createContext, useContext } from 'react';
import type { AppSync } from './app-sync';

/**
 * The app's sync, while it runs; `restart` after this computer is set up, joins or forgets the
 * server; `isRefused` once the server has refused this computer (it was removed).
 */
export type SyncState = {
  readonly sync: AppSync | undefined;
  readonly restart: () => void;
  readonly isRefused: boolean;
};

export const SyncContext = createContext<SyncState>({
  sync: undefined,
  restart: () => undefined,
  isRefused: false,
});

export const useAppSync = (): SyncState => useContext(SyncContext);
