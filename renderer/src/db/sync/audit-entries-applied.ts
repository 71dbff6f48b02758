import {
  chainPosition,
  followsOn,
  headOf,
  type AuditHead,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import { Dexie } from 'dexie';
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

/** Whether an arriving entry follows on, comes after a gap (an earlier entry not here yet), or cannot follow. */
export type ChainFit = 'follows' | 'after-gap' | 'out-of-chain';

/**
 * Of the entries about to be applied, how each fits its computer's chain (from the last entry
 * held here for each, then from each one kept). A batch may hold one computer's entries in any
 * order (replication does not promise the order within a batch), so each computer's are taken by
 * place. One whose place is taken, or that does not link to the entry before it, cannot follow;
 * one further on than the next place waits for the entries before it. Answers in the order given.
 */
export async function entriesInChain(
  db: FamilyLinksDb,
  entries: readonly (Omit<ChainedAuditEntry, 'seq'> & { readonly deviceId: string })[],
): Promise<ChainFit[]> {
  const heads = new Map<string, AuditHead | null>();
  const results = entries.map((): ChainFit => 'out-of-chain');
  const byPlace = entries
    .map((entry, index) => ({ entry: { ...entry, seq: 0 }, index }))
    .sort(
      (a, b) =>
        a.entry.deviceId.localeCompare(b.entry.deviceId) || chainPosition(a.entry) - chainPosition(b.entry),
    );
  for (const { entry, index } of byPlace) {
    if (!heads.has(entry.deviceId)) heads.set(entry.deviceId, await lastHeldOf(db, entry.deviceId));
    const head = heads.get(entry.deviceId) ?? null;
    if (followsOn(head, entry)) {
      heads.set(entry.deviceId, headOf(entry));
      results[index] = 'follows';
    } else if (chainPosition(entry) > (head?.seq ?? 0) + 1) results[index] = 'after-gap';
  }
  return results;
}

/** Each computer whose entries wait for an earlier one, and the first place waiting. */
export const auditWaitingKey = 'auditWaiting';

/** Each computer's first place waiting behind a gap. */
export type WaitingMarks = Readonly<Record<string, number>>;

export async function readWaitingMarks(db: FamilyLinksDb): Promise<WaitingMarks> {
  return ((await db.syncState.get(auditWaitingKey))?.value ?? {}) as WaitingMarks;
}

/** The marks with entries now held behind a gap (computer, place) added: each computer's first place. */
export function withFirstWaiting(
  marks: WaitingMarks,
  held: readonly (readonly [string, number])[],
): WaitingMarks {
  const next: Record<string, number> = { ...marks };
  for (const [deviceId, place] of held) next[deviceId] = Math.min(place, next[deviceId] ?? place);
  return next;
}

/**
 * Once the entries a computer's waiting entries needed have arrived, its held changes are
 * forgotten and the mirror is read again from the start: they are applied in order this time,
 * and everything else already received is skipped as a copy. Where the applier already applied
 * them (it keeps a pass's held entries open), only the note of the gap goes. Says whether the
 * mirror is to be read again.
 */
export async function readWaitingAgain(db: FamilyLinksDb, pulledSinceKey: string): Promise<boolean> {
  const stored = await readWaitingMarks(db);
  const filled: string[] = [];
  for (const [deviceId, place] of Object.entries(stored))
    if (((await lastHeldOf(db, deviceId))?.seq ?? 0) >= place - 1) filled.push(deviceId);
  if (filled.length === 0) return false;
  return db.transaction('rw', db.syncApplied, db.syncState, async () => {
    let forgotten = 0;
    for (const deviceId of filled) {
      const held = await db.syncApplied
        .where('[deviceId+n]')
        .between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey])
        .filter((row) => row.held === 1)
        .primaryKeys();
      await db.syncApplied.bulkDelete(held);
      forgotten += held.length;
    }
    const left = Object.fromEntries(
      Object.entries(stored).filter(([deviceId]) => !filled.includes(deviceId)),
    );
    await db.syncState.put({ key: auditWaitingKey, value: left });
    if (forgotten > 0) await db.syncState.put({ key: pulledSinceKey, value: 0 });
    return forgotten > 0;
  });
}
