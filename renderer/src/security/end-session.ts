import { KeysDroppedError } from '../db/encryption/record-cipher';
import { dropSessionKeys } from '../db/session-keys';
import type { Session } from '../db/session';
import type { DraftKeeper } from './draft-keeper';
import { forgetProofKey } from './proof-keys';

/**
 * Ends `session`'s hold on its keys, now, whatever is still being written (DESIGN: auto-lock; a
 * shared office computer left unattended). In this order, with nothing awaited before the drop:
 * 1. every open form seals what it holds (sealing takes its key at once; no I/O comes first);
 * 2. every key is dropped: the session's, its cipher's, the CA secret and a manager's proof key.
 * Returns the housekeeping that goes on without the keys: the sealed drafts being written. Drafts
 * that cannot be kept and writes that had not sealed yet fail on their own; none holds a key.
 *
 * The main process keeps no key for a session (a signing secret is passed for one call and
 * dropped), so there is nothing to drop there.
 */
export function dropKeysNow(session: Session, draftKeeper: DraftKeeper): Promise<void> {
  const keepingDrafts = draftKeeper.flushAll();
  dropSessionKeys(session);
  forgetProofKey(session);
  return keepingDrafts;
}

/** Whether `error` is work begun before a lock, refused because the keys had gone (not a fault). */
export function isRefusedForDroppedKeys(error: unknown): boolean {
  return error instanceof KeysDroppedError;
}
