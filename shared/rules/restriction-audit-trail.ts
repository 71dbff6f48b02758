import type { AuditEvent } from './audit-chain';

/**
 * What the audit log says each restriction's row must hold, to catch a row taken away or put back
 * as an older copy. A row's seal shows an edit, not a deletion, and an older sealed copy of the
 * same row still opens: written back in IndexedDB, it would let the door read a restriction as it
 * stood before it was made stricter. The app never deletes a restriction and never lowers its
 * version (DESIGN rule 10: registers are records), and each is recorded or changed in the same
 * transaction as its audit entry, in a log chained and anchored by the main process; so a row
 * missing, or behind the newest version the log names, is read as one that does not open.
 */

/** The audit actions this rule reads: recorded, changed, and a sync conflict settled. */
export const restrictionTrailActions = [
  'restriction.recorded',
  'restriction.updated',
  'sync.merged',
  'sync.version-chosen',
  'sync.versions-combined',
] as const;

/** An audit entry as this rule reads it; `seq` orders entries written at the same instant. */
export type TrailEntry = Pick<AuditEvent, 'at' | 'action' | 'recordType' | 'recordId' | 'detail'> & {
  readonly seq: number;
  /**
   * Whether its MAC verified under the audit key: false when it did not (edited or planted), left
   * out when it was not checked.
   */
  readonly isAuthentic?: boolean | undefined;
};

/**
 * The entries whose MAC a signed-in read checks: those that could make a row put back as an older
 * copy read as current (a change's version lowered, a settled conflict planted to start the count
 * again). A forged `restriction.recorded` entry can only make a restriction read as gone, which
 * stops the door: the safe way round, so those are not worth checking on every read.
 */
export const isTrailEntryWorthChecking = (entry: Pick<TrailEntry, 'action'>): boolean =>
  entry.action !== 'restriction.recorded';

/** The restriction row as this rule reads it: its earlier versions' terms give its version. */
export type TrailRow = { readonly id: string; readonly earlierTerms?: readonly unknown[] | undefined };

const changeDetail = /^version (\d+)$/;

/**
 * The newest version the log names for each restriction. A sync conflict settled by the manager
 * (or merged field by field) writes whichever version was chosen, perhaps the lower, so a settle
 * starts the count again from the changes after it.
 */
function versionsNamed(entries: readonly TrailEntry[]): Map<string, number> {
  const named = new Map<string, number>();
  const inOrder = [...entries].sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1));
  for (const entry of inOrder) {
    if (entry.recordId === undefined) continue;
    if (entry.recordType === 'restrictions' && entry.action.startsWith('sync.')) {
      named.delete(entry.recordId);
      continue;
    }
    if (entry.recordType !== 'restriction' || entry.action !== 'restriction.updated') continue;
    const version = Number(changeDetail.exec(entry.detail ?? '')?.[1] ?? Number.NaN);
    if (Number.isInteger(version))
      named.set(entry.recordId, Math.max(named.get(entry.recordId) ?? 1, version));
  }
  return named;
}

/**
 * The restrictions the log says were recorded whose rows are gone, and those whose rows hold an
 * older version than the log's newest change names. `rows` are the rows present (ids only needed);
 * `opened` those of them this session opened, with their earlier terms. An entry whose MAC did not
 * verify vouches for nothing: the restriction it names reads as not as logged (as one that does
 * not open: the door stops rather than trusting it), since dropping it alone could let the change
 * before it vouch for a row put back to that older version.
 */
export function restrictionsNotAsLogged(
  allEntries: readonly TrailEntry[],
  rows: readonly { readonly id: string }[],
  opened: readonly TrailRow[],
): string[] {
  const forged = allEntries.flatMap((entry) =>
    entry.isAuthentic === false && entry.recordId !== undefined ? [entry.recordId] : [],
  );
  const entries = allEntries.filter((entry) => entry.isAuthentic !== false);
  const present = new Set(rows.map((row) => row.id));
  const missing = entries.flatMap((entry) =>
    entry.action === 'restriction.recorded' &&
    entry.recordType === 'restriction' &&
    entry.recordId !== undefined &&
    !present.has(entry.recordId)
      ? [entry.recordId]
      : [],
  );
  const named = versionsNamed(entries);
  // Each change keeps the terms before it in `earlierTerms`, so a row's version is one more than their count.
  const behind = opened.flatMap((row) =>
    (row.earlierTerms?.length ?? 0) + 1 < (named.get(row.id) ?? 1) ? [row.id] : [],
  );
  return [...new Set([...missing, ...behind, ...forged])];
}
