import { IDBFactory } from 'fake-indexeddb';
import { FamilyLinksDb } from '../../../../renderer/src/db/database';

/** A database on its own in-memory IndexedDB, so tests never share state. */
export function freshDatabase(
  options: { upToVersion?: number; factory?: IDBFactory; name?: string } = {},
): FamilyLinksDb {
  return new FamilyLinksDb(options.name ?? 'family-links-test', {
    indexedDB: options.factory ?? new IDBFactory(),
    ...(options.upToVersion === undefined ? {} : { upToVersion: options.upToVersion }),
  });
}
