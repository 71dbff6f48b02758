import { FamilyLinksDb, installedNativeVersion } from '../database';
import { latestSchemaVersion } from '../schema-versions';

/*
 * What the app checks as it opens its records, before anything else shows: records from an older
 * version to back up first, and a restore that was cut off. Kept apart from the backup and restore
 * code, which need not load before the sign-in form.
 */

/**
 * The installed records opened at their own (older) version, when they are older than this app's and hold
 * accounts: they are then backed up before the upgrade runs: a failed upgrade must not lose a record. Opening
 * at exactly the installed version runs no upgrade. Undefined when nothing needs it. `knownInstalled` is
 * IndexedDB's answer for the installed version when the caller has just asked for it.
 */
export async function olderDatabaseWithAccounts(
  factory: IDBFactory,
  name: string,
  knownInstalled?: { readonly version: number | undefined },
): Promise<FamilyLinksDb | undefined> {
  const installed = knownInstalled ? knownInstalled.version : await installedNativeVersion(factory, name);
  if (installed === undefined || installed <= 0 || installed >= latestSchemaVersion * 10) return undefined;
  // Dexie stores version n as n * 10.
  const old = new FamilyLinksDb(name, { upToVersion: Math.floor(installed / 10), indexedDB: factory });
  try {
    await old.open();
    if ((await old.staff.count()) > 0) return old;
  } catch (error) {
    console.error('Could not open the records at their own version to back them up first', error);
  }
  old.close();
  return undefined;
}

/** Marks a restore under way; an install that still has it was interrupted and is cleared. */
export const restoreMarkerKey = 'restoreInProgress';

/** Whether a restore into `db` was cut off part-way (the app closed): its records are incomplete. */
export async function isRestoreUnfinished(db: FamilyLinksDb): Promise<boolean> {
  return (await db.settings.get(restoreMarkerKey)) !== undefined;
}
