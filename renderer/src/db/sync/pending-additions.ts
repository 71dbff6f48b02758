import type { IssuedCode } from './pairing-flow';

/**
 * The computers the manager has added and that have not joined yet, kept in memory while the app
 * is open and the manager signed in, so a computer that finishes joining after the manager left
 * the "Add a computer" panel is still endorsed (docs/sync-design.md, "Joining and leaving"). The
 * code's keys check the new computer's join request; they are never written to disk, and signing
 * out or locking drops every addition (the code's keys go with the session that made them).
 */

export type PendingAddition =
  | { readonly state: 'waiting'; readonly issued: IssuedCode }
  | { readonly state: 'joined'; readonly issued: IssuedCode; readonly deviceId: string }
  | { readonly state: 'expired'; readonly issued: IssuedCode };

export type PendingAdditions = {
  /** The additions, newest last; the same array until something changes. */
  readonly list: () => readonly PendingAddition[];
  readonly add: (issued: IssuedCode) => void;
  /** Cancel, or done with a joined one: forgotten, keys and all. */
  readonly drop: (pairingId: string) => void;
  /** Signing out or locking. */
  readonly clear: () => void;
  readonly subscribe: (listener: () => void) => () => void;
  readonly update: (pairingId: string, next: PendingAddition) => void;
};

export function createPendingAdditions(): PendingAdditions {
  let additions: readonly PendingAddition[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly PendingAddition[]) => {
    additions = next;
    for (const listener of listeners) listener();
  };
  return {
    list: () => additions,
    add: (issued) => set([...additions, { state: 'waiting', issued }]),
    drop: (pairingId) => set(additions.filter((addition) => addition.issued.pairingId !== pairingId)),
    clear: () => {
      if (additions.length > 0) set([]);
    },
    update: (pairingId, next) =>
      set(additions.map((addition) => (addition.issued.pairingId === pairingId ? next : addition))),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
