import { derivedTables } from '../database';
import { syncTables } from '../sync/change-log';

/**
 * Tables a backup leaves out and a restore never writes. Derived tables (the review summaries)
 * are worked out again after a restore. Sync's own tables are this computer's place among the
 * home's computers (its device id, its change log and sequence, the versions it has seen), not the
 * home's records: restored onto another install they would make a second computer with the same
 * identity and sequence, so a restored computer joins the home's computers again instead. An older
 * backup that holds them restores without them.
 */
export const leftOutOfBackups: ReadonlySet<string> = new Set<string>([
  ...derivedTables,
  ...Object.values(syncTables),
]);
