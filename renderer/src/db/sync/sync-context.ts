import { createContext, useContext } from 'react';
import type { AppSync } from './app-sync';
import { createPendingAdditions, type PendingAdditions } from './pending-additions';

/**
 * The app's sync, while it runs; `restart` after this computer is set up, joins or forgets the
 * server; `isRefused` once the server has refused this computer (it was removed).
 */
export type SyncState = {
  readonly sync: AppSync | undefined;
  readonly restart: () => void;
  readonly isRefused: boolean;
  /**
   * When the first new sync key this computer was not given was made (it had not published an
   * exchange key then); undefined while it holds the newest.
   */
  readonly keyBehindSince: string | undefined;
  /** The computers the signed-in manager has added that have not joined yet (in memory only). */
  readonly pending: PendingAdditions;
};

export const SyncContext = createContext<SyncState>({
  sync: undefined,
  restart: () => undefined,
  isRefused: false,
  keyBehindSince: undefined,
  pending: createPendingAdditions(),
});

export const useAppSync = (): SyncState => useContext(SyncContext);
