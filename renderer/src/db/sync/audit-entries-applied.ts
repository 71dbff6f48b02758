import {
  chainPosition,
  followsOn,
  headOf,
  type AuditHead,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import type { FamilyLinksDb } from '../database';
import { lastHeldOf } from '../repositories/audit-chain-reads';

/**
 * Another computer's audit entries, as they arrive (docs/sync-design.md, "One audit chain per
 * computer"). A computer writes only its own chain, so an entry must name the computer that
 * signed its envelope, and it must follow on from the last entry held here for that computer:
 * the next place, linked to that entry's MAC. That needs no audit key, so it is checked by the
 * applier with nobody signed in; the MACs themselves are checked on the Audit log screen.
 */

export const auditTable = 'audit';

/**
 * The entry as this computer keeps it: without the writer's `seq` (this table numbers its own
 * rows), and an entry from before chains given its writer and its place (`legacy`, so its MAC is
 * checked over the fields it was made with). `undefined` when it names another computer's chain.
 */
export function receivedAuditEntry(
  row: Omit<ChainedAuditEntry, 'seq'> & { readonly seq: number },
  writer: string,
): Omit<ChainedAuditEntry, 'seq'> | undefined {
  const { seq, ...entry } = row;
  if (entry.deviceId === undefined) return { ...entry, deviceId: writer, deviceSeq: seq, legacy: 1 };
  if (entry.deviceId !== writer || entry.deviceSeq === undefined) return undefined;
  return entry;
}

/**
 * Of the entries about to be applied, which follow on in their computers' chains (from the last
 * entry held here for each, then from each one kept). A batch may hold one computer's entries in
 * any order (replication does not promise the order within a batch), so each computer's are taken
 * by place. One that does not follow on is kept out and moves nothing on: the entry that does
 * may still come. The answers are in the order given.
 */
export async function entriesInChain(
  db: FamilyLinksDb,
  entries: readonly (Omit<ChainedAuditEntry, 'seq'> & { readonly deviceId: string })[],
): Promise<boolean[]> {
  const heads = new Map<string, AuditHead | null>();
  const results = entries.map(() => false);
  const byPlace = entries
    .map((entry, index) => ({ entry: { ...entry, seq: 0 }, index }))
    .sort(
      (a, b) =>
        a.entry.deviceId.localeCompare(b.entry.deviceId) || chainPosition(a.entry) - chainPosition(b.entry),
    );
  for (const { entry, index } of byPlace) {
    if (!heads.has(entry.deviceId)) heads.set(entry.deviceId, await lastHeldOf(db, entry.deviceId));
    const follows = followsOn(heads.get(entry.deviceId) ?? null, entry);
    if (follows) heads.set(entry.deviceId, headOf(entry));
    results[index] = follows;
  }
  return results;
}
