import type { Dexie } from 'dexie';
import type { ChainedAuditEntry } from '../../../../../shared/rules/audit-chain';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { movableClock } from '../test-clock';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

/**
 * A fresh database (closed after the test with the file's others), a clock a test moves on from
 * 10:00 on 6 December 2026, and the registered manager who saves what the audit log vouches for.
 */
export async function managerOnFreshDatabase(opened: Dexie[]) {
  const db = freshDatabase();
  opened.push(db);
  const time = movableClock('2026-12-06T10:00:00.000Z');
  const manager = await testSession(['registeredManager']);
  return { db, time, manager };
}

/**
 * What someone with DevTools open does to vouch for a row they edited: adds a copy of a genuine
 * entry later in the log, with what they want it to say. It carries the genuine entry's MAC, so
 * it does not verify.
 */
export function plantLaterEntry(
  db: FamilyLinksDb,
  genuine: ChainedAuditEntry,
  planted: Pick<ChainedAuditEntry, 'at' | 'detail'> & Partial<ChainedAuditEntry>,
) {
  return db.audit.add({ ...genuine, seq: genuine.seq + 100, ...planted });
}
