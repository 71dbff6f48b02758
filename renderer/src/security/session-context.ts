import { createContext, useContext } from 'react';
import type { Result } from '@shared/result';
import type { Session } from '../db/session';
import type { DraftKeeper } from './draft-keeper';

export type LockReason = 'button' | 'idle' | 'screen-locked' | 'suspended' | 'shutdown';

export type SessionState =
  | { readonly kind: 'signedOut'; readonly notice?: string }
  | { readonly kind: 'signedIn'; readonly session: Session; readonly mustChangePassword: boolean }
  | {
      readonly kind: 'locked';
      readonly staffId: string;
      readonly username: string;
      readonly reason: LockReason;
    };

export type SessionApi = {
  readonly state: SessionState;
  readonly draftKeeper: DraftKeeper;
  readonly signIn: (username: string, password: string) => Promise<Result<void>>;
  /** Begins a session made elsewhere (first-run setup signs the new manager straight in). */
  readonly begin: (session: Session, mustChangePassword: boolean) => void;
  readonly lock: (reason: LockReason) => Promise<void>;
  readonly signOut: () => Promise<void>;
  /** After the person changed their own password. */
  readonly passwordChanged: () => void;
};

export const SessionContext = createContext<SessionApi | undefined>(undefined);

export function useSessionApi(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSessionApi() was called outside <SessionProvider>');
  return api;
}

/** The signed-in session; only screens shown while signed in may call this. */
export function useSession(): Session {
  const { state } = useSessionApi();
  if (state.kind !== 'signedIn') throw new Error('useSession() was called while nobody is signed in');
  return state.session;
}
