import { fail, ok, type Result } from '@shared/result';
import { resolveRegistry, type RegisteredDevice } from '@shared/sync/device-registry';
import type { FamilyLinksDb } from '../database';
import type { DeviceKeyStore } from '../../platform/sync/device-key-store';
import { knownRegistryDocuments } from './registry-feed';
import { loadSyncHome } from './sync-home';
import { appMirror, type MirrorOpener } from './sync-runner';

/**
 * Whether this computer is one of a home's computers already: it set the home up or joined it, and
 * its sync keys open here. Its server settings can still be gone (deleted, or changed outside the
 * app and so not used); setting sync up again then connects it again in its own place.
 */
export async function belongsToHome(db: FamilyLinksDb, store: DeviceKeyStore): Promise<boolean> {
  return (await loadSyncHome(db, store)) !== undefined;
}

/**
 * This computer's own entry in the home's registry, worked out from the mirror of `database` and
 * the registry documents it signed itself; undefined for a computer in no home yet. The entry names
 * the server user this computer connects as: setting up again makes that user again rather than a
 * new one, which the registry would not name and so removing the computer would leave behind.
 * Refused, in words, when the registry here does not list this computer or lists it as removed.
 */
export async function placeInHome(
  db: FamilyLinksDb,
  store: DeviceKeyStore,
  database: string,
  mirrorOf: MirrorOpener = appMirror,
): Promise<Result<RegisteredDevice | undefined>> {
  const home = await loadSyncHome(db, store);
  if (!home) return ok(undefined);
  const mirror = mirrorOf(database);
  // Opening makes the mirror if there was none (a database name typed wrong): an empty one is not
  // kept, as it holds nothing and sync makes it again once this computer is connected.
  const wasEmpty = (await mirror.info()).doc_count === 0;
  try {
    const registry = await resolveRegistry(home.rootDeviceKey, await knownRegistryDocuments(db, mirror));
    const own = registry.devices.get(home.deviceId);
    if (!own)
      return fail(
        'invalid',
        `Family Links cannot find this computer among the home’s computers listed for the database ${database}. Check the database’s name: it is the one this computer used before.`,
      );
    // A removed computer's changes are refused by the others, and the home's key was changed
    // without it: a new server user would only let it read what it can no longer open.
    if (own.removedFromSeq !== undefined)
      return fail(
        'forbidden',
        'This computer was removed from the home’s computers, so it cannot be connected to them again.',
      );
    return ok(own);
  } finally {
    await (wasEmpty ? mirror.destroy() : mirror.close());
  }
}
