import { Dexie } from 'dexie';
import {
  auditChains,
  chainPosition,
  headOf,
  verifyAuditChain,
  type AuditHead,
  type AuditKey,
  type AuditVerification,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import { recordsNamed, type RecordsGone } from '@shared/rules/records-gone';
import type { FamilyLinksDb } from '../database';
import { deviceRowId } from '../sync/change-log';
import { computerNames } from './computer-names';

/**
 * Reading the audit log as one chain per computer (docs/sync-design.md, "One audit chain per
 * computer"): this computer's id, its chain's stored head, a stretch of one chain by place, and
 * the check of every chain.
 */

export const auditHeadKey = 'auditHead';

const hasTable = (db: FamilyLinksDb, name: string) => db.tables.some((table) => table.name === name);
/** The applier's record of each computer's changes received with none missing (`sync-applier.ts`). */
const seenKey = 'seen';

/** This computer's head as kept in settings; `deviceId` is absent on a head kept before computers had chains. */
export type StoredAuditHead = AuditHead & { readonly deviceId?: string };

export async function readAuditHead(db: FamilyLinksDb): Promise<StoredAuditHead | null> {
  const row = await db.settings.get(auditHeadKey);
  return (row?.value as StoredAuditHead | undefined) ?? null;
}

/**
 * The computer this one writes its entries as: its sync id once sync is set up, otherwise the id
 * its head already names (its chain from when it had sync), or none: entries without an id, as
 * written before chains (`auditLog`'s `writerOf`).
 */
export async function thisChainDevice(
  db: FamilyLinksDb,
  head?: StoredAuditHead | null,
): Promise<string | undefined> {
  // A database still at a version before sync (the backup taken before an upgrade) has no device row.
  const device = hasTable(db, 'syncDevice') ? await db.syncDevice.get(deviceRowId) : undefined;
  return device?.deviceId ?? (head === undefined ? await readAuditHead(db) : head)?.deviceId;
}

/** The stored head, if it is the head of `deviceId`'s chain (or one kept before chains, which is this computer's). */
export const headFor = (stored: StoredAuditHead | null, deviceId: string): AuditHead | null =>
  stored && (stored.deviceId === undefined || stored.deviceId === deviceId)
    ? { seq: stored.seq, mac: stored.mac }
    : null;

/**
 * This computer's entries at places `from` to `to` of its chain (named `deviceId`, or none yet),
 * in chain order. Its entries without an id sit at their place in the table.
 */
export async function chainEntriesBetween(
  db: FamilyLinksDb,
  deviceId: string | undefined,
  from: number,
  to: number,
): Promise<ChainedAuditEntry[]> {
  const [older, chained] = await Promise.all([
    db.audit
      .where('seq')
      .between(from, to, true, true)
      .filter((entry) => entry.deviceId === undefined)
      .toArray(),
    deviceId === undefined
      ? []
      : db.audit
          .where('[deviceId+deviceSeq]')
          .between([deviceId, from], [deviceId, to], true, true)
          .toArray(),
  ]);
  return [...older, ...chained].sort((a, b) => chainPosition(a) - chainPosition(b));
}

/** The last entry held here of another computer's chain, as a head (`null` when none has arrived). */
export async function lastHeldOf(db: FamilyLinksDb, deviceId: string): Promise<AuditHead | null> {
  const last = await db.audit
    .where('[deviceId+deviceSeq]')
    .between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey], true, true)
    .last();
  return last ? headOf(last) : null;
}

/** What the check found for one computer's chain. */
export type ComputerChainCheck = {
  readonly deviceId: string;
  readonly isThisComputer: boolean;
  /** "this computer", or the other computer's name ("Front desk", "computer 3F9A2C" while it has none here). */
  readonly name: string;
  readonly count: number;
  readonly verdict: AuditVerification;
  /** Another computer's changes numbered beyond what has arrived here (its last entries may be on their way). */
  readonly behind?: { readonly received: number; readonly announced: number };
  /** Entries from that computer kept out because they did not follow on from its chain. */
  readonly refused: number;
  /** Rows this computer's entries say it recorded that are no longer here (none for another computer's chain). */
  readonly gone: RecordsGone;
};

/**
 * The rows `entries` (this computer's chain) say were recorded that are gone (`records-gone.ts`).
 * Each register's keys are read once, whole: a key read costs far less than a row.
 */
async function recordsGoneHere(
  db: FamilyLinksDb,
  entries: readonly ChainedAuditEntry[],
): Promise<RecordsGone> {
  const found = await Promise.all(
    [...recordsNamed(entries)].map(async ([table, ids]) => {
      // A database at a version before this register (a backup taken before an upgrade) holds none.
      if (!hasTable(db, table)) return { table, ids: [] };
      const held = new Set<string>(await db[table].toCollection().primaryKeys());
      return { table, ids: ids.filter((id) => !held.has(id)) };
    }),
  );
  return found.filter((each) => each.ids.length > 0);
}

/** Everything the check reads, as one moment of the database (see `readChainsAtOnce`). */
type ChainsSnapshot = {
  readonly entries: ChainedAuditEntry[];
  readonly stored: StoredAuditHead | null;
  readonly self: string;
  readonly nameOf: (deviceId: string) => string;
  /** Each other computer's chain, with the highest of its changes announced here and how far they have arrived. */
  readonly others: ReadonlyMap<
    string,
    { readonly announced?: number; readonly received: number; readonly refused: number }
  >;
};

/**
 * The check's reads in one read transaction. Sync applies another computer's entries, its
 * changes' numbers and how far they have arrived in one write; read piece by piece while that
 * runs, the check could see the numbers of a batch without the batch, and tell the manager that
 * entries are still on their way when they are already here.
 */
async function readChainsAtOnce(db: FamilyLinksDb): Promise<ChainsSnapshot> {
  const syncTables = ['syncState', 'syncDevice', 'syncPeers', 'syncApplied', 'syncProblems'];
  const tables = ['audit', 'settings', ...syncTables.filter((name) => hasTable(db, name))];
  return db.transaction('r', tables, async () => {
    const [entries, stored, seenRow] = await Promise.all([
      db.audit.orderBy('seq').toArray(),
      readAuditHead(db),
      hasTable(db, 'syncState') ? db.syncState.get(seenKey) : undefined,
    ]);
    const seen = (seenRow?.value ?? {}) as Readonly<Record<string, number>>;
    // Before this computer has an id (no sync, nothing written since chains began) its entries have none either.
    const self = (await thisChainDevice(db, stored)) ?? '';
    const nameOf = await computerNames(db);
    const otherIds = [
      ...new Set(
        entries.flatMap((entry) => (entry.deviceId && entry.deviceId !== self ? [entry.deviceId] : [])),
      ),
    ];
    const others = new Map(
      await Promise.all(
        otherIds.map(async (deviceId) => {
          const [announced, refused] = hasTable(db, 'syncApplied')
            ? await Promise.all([
                db.syncApplied
                  .where('[deviceId+n]')
                  .between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey], true, true)
                  .last(),
                db.syncProblems
                  .filter((row) => row.deviceId === deviceId && row.reason === 'audit-out-of-chain')
                  .count(),
              ])
            : [undefined, 0];
          const received = seen[deviceId] ?? 0;
          return [deviceId, { ...(announced ? { announced: announced.n } : {}), received, refused }] as const;
        }),
      ),
    );
    return { entries, stored, self, nameOf, others };
  });
}

/**
 * This computer's chain, held against its head and then by `holdAgainstAnchor` (the main
 * process's anchor), then every other computer's, held against itself and how far its changes
 * have arrived (the applier's `seen`: the highest received with none missing).
 */
export async function checkEveryChain(
  db: FamilyLinksDb,
  key: AuditKey,
  holdAgainstAnchor: (verdict: AuditVerification, entries: readonly ChainedAuditEntry[]) => AuditVerification,
): Promise<ComputerChainCheck[]> {
  // Read first, check after: the MACs are checked by Web Crypto, and awaiting it inside the
  // transaction would let IndexedDB close it.
  const { entries, stored, self, nameOf, others } = await readChainsAtOnce(db);
  const checks: ComputerChainCheck[] = [];
  for (const chain of auditChains(entries, self)) {
    const isThisComputer = chain.deviceId === self;
    if (isThisComputer) {
      const verdict = await verifyAuditChain(chain.entries, headFor(stored, self), key);
      checks.push({
        deviceId: chain.deviceId,
        isThisComputer,
        name: 'this computer',
        count: chain.entries.length,
        verdict: holdAgainstAnchor(verdict, chain.entries),
        refused: 0,
        gone: await recordsGoneHere(db, chain.entries),
      });
      continue;
    }
    const last = chain.entries[chain.entries.length - 1];
    const { announced, received, refused } = others.get(chain.deviceId) ?? { received: 0, refused: 0 };
    checks.push({
      deviceId: chain.deviceId,
      isThisComputer,
      name: nameOf(chain.deviceId),
      count: chain.entries.length,
      verdict: await verifyAuditChain(chain.entries, last ? headOf(last) : null, key),
      ...(announced !== undefined && announced > received ? { behind: { received, announced } } : {}),
      refused,
      gone: [],
    });
  }
  return checks;
}
