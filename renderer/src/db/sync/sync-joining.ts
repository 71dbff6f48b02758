import type { FamilyLinksDb } from '../database';

/*
 * This computer's sync state rows, and whether it is still joining the home's computers: the
 * start reads that flag before the sign-in form, so it is kept apart from the sync home's keys and
 * documents (and their schemas), which load when sync starts.
 */

/** The rows of `syncState` that hold this computer's sync home. */
export const stateKeys = {
  homeSyncKey: 'homeSyncKey',
  homeId: 'homeId',
  registryRoot: 'registryRoot',
  signed: 'registrySigned',
  removedFrom: 'registryRemovedFrom',
  joining: 'joining',
} as const;

export async function stateOf(db: FamilyLinksDb, key: string): Promise<unknown> {
  return (await db.syncState.get(key))?.value;
}

/** Whether this computer is still pulling the home it joined (staff sign in once it has). */
export async function isJoining(db: FamilyLinksDb): Promise<boolean> {
  return (await stateOf(db, stateKeys.joining)) === true;
}

/** Marks the first full pull done: the computer is one of the home's now. */
export async function finishJoining(db: FamilyLinksDb): Promise<void> {
  await db.syncState.delete(stateKeys.joining);
}
