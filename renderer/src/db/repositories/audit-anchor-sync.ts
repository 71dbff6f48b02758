import { maxAuditLinks } from '@shared/ipc/channels/audit';
import {
  chainPosition,
  type AuditEvent,
  type AuditHead,
  type AuditVerification,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import type { FamilyLinksDb, PendingAuditRow } from '../database';
import { chainEntriesBetween } from './audit-chain-reads';
import type { AnchorReading, AuditAnchorPort } from '../../platform/audit-anchor-port';

/**
 * The audit log's side of the main process's anchor (electron/main/services/audit-anchor.ts):
 * moving it on after each write, reading it into a check of the log, and the failed sign-ins the
 * main process stamped before anyone was signed in.
 */

/**
 * After a write that moved this computer's head (its chain, `deviceId`) from `before` to `next`: offers the main process the links
 * (seq, previous MAC, MAC) from the head it holds to `next`, a batch at a time. It keeps only what
 * follows on from its own head, so a log cut and grown again past it stays caught. An anchor that
 * cannot be verified is never started again from here; and one that was never started is started
 * only by the write that began the log (`before` null): a log that already had entries and no
 * anchor stays "cannot be verified" rather than being vouched for from the page's own copy.
 */
export async function advanceAnchor(
  db: FamilyLinksDb,
  anchor: AuditAnchorPort,
  deviceId: string | undefined,
  before: AuditHead | null,
  next: AuditHead,
): Promise<void> {
  const stored = await anchor.read();
  let fromSeq: number;
  if (stored.state === 'anchored') fromSeq = stored.head.seq + 1;
  else if (stored.state === 'none' && before === null) fromSeq = 1;
  else return;
  for (let start = fromSeq; start <= next.seq; start += maxAuditLinks) {
    const entries = await chainEntriesBetween(
      db,
      deviceId,
      start,
      Math.min(next.seq, start + maxAuditLinks - 1),
    );
    if (entries.length === 0) return;
    const links = entries.map((entry) => ({
      seq: chainPosition(entry),
      previousMac: entry.previousMac,
      mac: entry.mac,
    }));
    if ((await anchor.advance(links)) !== 'stored') return;
  }
}

const cannotVerify = (message: string): AuditVerification => ({ kind: 'unverifiable', message });

/**
 * A chain that checked out, held against the main process's anchor: the log may have grown past
 * it (a copy can lag), never fallen short of it, and the entry it names must be the one there. An
 * anchor missing, damaged or never made for a log that has entries means "cannot be verified":
 * never "intact", because removing the anchor is exactly what someone cutting the log would do.
 */
export function checkAgainstAnchor(
  verdict: AuditVerification,
  entries: readonly ChainedAuditEntry[],
  anchored: AnchorReading,
): AuditVerification {
  if (verdict.kind !== 'intact') return verdict;
  switch (anchored.state) {
    case 'unavailable':
      return verdict;
    case 'none':
      return entries.length === 0
        ? verdict
        : cannotVerify(
            `The log’s ${entries.length} entries check out among themselves, but this computer holds no record of where the log ends, so entries cut off the end would not show. Tell whoever handles data protection for the home; a restore from a backup sets the record again.`,
          );
    case 'missing':
    case 'damaged':
    case 'unverifiable':
      return cannotVerify(
        `The log cannot be verified: ${anchored.message} Entries cut off the end would not show. Keep this computer as it is and tell whoever handles data protection for the home.`,
      );
    case 'anchored':
      break;
    default: {
      const unexpected: never = anchored;
      return unexpected;
    }
  }
  const lastEntry = entries[entries.length - 1];
  const last = lastEntry ? chainPosition(lastEntry) : 0;
  if (anchored.head.seq > last)
    return {
      kind: 'tampered',
      atSeq: last + 1,
      reason: 'truncated',
      message: `Entries after number ${last} have been removed: Family Links' own record says the log reached entry ${anchored.head.seq}. Keep this computer as it is and tell whoever handles data protection for the home.`,
    };
  const anchoredEntry = entries.find((entry) => chainPosition(entry) === anchored.head.seq);
  if (anchoredEntry?.mac !== anchored.head.mac)
    return {
      kind: 'tampered',
      atSeq: anchored.head.seq,
      reason: 'edited',
      message: `Entry ${anchored.head.seq} is not the one Family Links recorded: the log has been rewritten from there. Keep this computer as it is and tell whoever handles data protection for the home.`,
    };
  return verdict;
}

const unverifiedNote = 'not verified: not stamped by this computer’s Family Links, or changed since';

/**
 * The pending rows as events to chain in, each checked against the main process's stamp: a row it
 * did not stamp, or that was changed, goes in marked as not verified; rows it stamped that are no
 * longer there are counted in an entry of their own. Ask once, before the transaction.
 */
export async function pendingEventsToChain(
  anchor: AuditAnchorPort,
  rows: readonly PendingAuditRow[],
): Promise<AuditEvent[]> {
  const eventOf = (row: PendingAuditRow) => ({
    action: row.action,
    ...(row.recordType ? { recordType: row.recordType } : {}),
    ...(row.recordId ? { recordId: row.recordId } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
    ...(row.actorId ? { actorId: row.actorId } : {}),
  });
  const checked = await anchor.checkPending(
    rows.map((row) => ({
      event: eventOf(row),
      at: row.at,
      ...(row.n !== undefined ? { n: row.n } : {}),
      ...(row.tag !== undefined ? { tag: row.tag } : {}),
    })),
  );
  // Without a main process (unit tests, a bare browser) there is nothing to check against.
  if (checked === 'unavailable') return rows.map((row) => ({ at: row.at, ...eventOf(row) }));
  const events: AuditEvent[] = rows.map((row, index) => {
    const event = eventOf(row);
    if (checked.authentic[index]) return { at: row.at, ...event };
    return {
      at: row.at,
      ...event,
      detail: event.detail ? `${event.detail}; ${unverifiedNote}` : unverifiedNote,
    };
  });
  const at = rows[rows.length - 1]?.at ?? new Date().toISOString();
  if (checked.missing > 0)
    events.push({
      at,
      action: 'audit.pending-removed',
      detail: `${checked.missing} sign-in record${checked.missing === 1 ? '' : 's'} stamped by this computer ${checked.missing === 1 ? 'was' : 'were'} removed before ${checked.missing === 1 ? 'it' : 'they'} could be added to the log`,
    });
  if (!checked.isCountKnown)
    events.push({
      at,
      action: 'audit.pending-removed',
      detail:
        'this computer’s count of sign-in records was changed outside Family Links, so removed ones cannot be counted',
    });
  return events;
}
