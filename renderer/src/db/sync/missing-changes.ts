import { Dexie } from 'dexie';
import {
  missingChangesMessage,
  missingRanges,
  overdueGaps,
  shortDeviceId,
  trackGaps,
  type OpenGap,
  type ReceivedFrom,
} from '@shared/sync/missing-changes';
import type { FamilyLinksDb } from '../database';
import { auditLog } from '../repositories/audit-log-repository';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';
import { seenVector } from './sync-applier';
import { thisDevice } from './sync-device';
import { removedComputers } from './sync-home';
import type { SyncProblemRow } from './sync-rows';
import { announcedChanges } from './announced-changes';

/** The gaps open at the last look, with when each was first noticed. */
export const openGapsKey = 'missingChanges';

const problemId = (gap: Pick<OpenGap, 'deviceId' | 'from' | 'to'>) =>
  `missing:${gap.deviceId}:${gap.from}-${gap.to}`;

/**
 * Looks for other computers' changes that have not arrived (`shared/sync/missing-changes.ts`):
 * a gap open longer than the grace period becomes a problem for the manager, audited (waiting for
 * the next sign-in, as nobody may be signed in); a reported gap whose changes have all arrived
 * closes itself. Reads only the changes above each computer's contiguous run, so a quiet pass costs
 * a few index reads; writes only when something changed.
 */
export async function reportMissingChanges(
  db: FamilyLinksDb,
  options: { readonly clock?: () => Date; readonly anchor?: AuditAnchorPort } = {},
): Promise<void> {
  const now = (options.clock ?? (() => new Date()))();
  const self = (await thisDevice(db))?.deviceId;
  const [seen, announced, removed, previousValue] = await Promise.all([
    seenVector(db),
    announcedChanges(db),
    removedComputers(db),
    db.syncState.get(openGapsKey).then((row) => row?.value),
  ]);
  const previous = Array.isArray(previousValue) ? (previousValue as OpenGap[]) : [];
  const reported = await db.syncProblems.toArray();
  const byDevice: Record<string, ReceivedFrom> = {};
  for (const deviceId of new Set([...Object.keys(seen), ...Object.keys(announced)])) {
    if (deviceId === self) continue;
    const from = seen[deviceId] ?? 0;
    const above = await db.syncApplied
      .where('[deviceId+n]')
      .between([deviceId, from + 1], [deviceId, Dexie.maxKey])
      .toArray();
    const removedFrom = removed[deviceId];
    byDevice[deviceId] = {
      seen: from,
      received: above.map((row) => row.n),
      refused: reported.flatMap((row) =>
        row.reason !== 'missing-changes' && row.deviceId === deviceId && row.n !== undefined ? [row.n] : [],
      ),
      announced: announced[deviceId] ?? 0,
      ...(removedFrom === undefined ? {} : { removedFrom }),
    };
  }
  const open = trackGaps(previous, missingRanges(byDevice), now);
  const overdue = new Map(overdueGaps(open, now).map((gap) => [problemId(gap), gap]));
  const gapProblems = reported.filter((row) => row.reason === 'missing-changes');
  const reportedIds = new Set(gapProblems.filter((row) => row.closedAt === undefined).map((row) => row.id));
  const closed = gapProblems.filter((row) => row.closedAt === undefined && !overdue.has(row.id));
  const fresh: SyncProblemRow[] = [...overdue.entries()]
    .filter(([id]) => !reportedIds.has(id))
    .map(([id, gap]) => {
      // What is left of a gap the manager has already seen (some of its changes arrived) is not news.
      const seenWider = closed.find(
        (row) =>
          row.seenAt !== undefined &&
          row.deviceId === gap.deviceId &&
          (row.n ?? Infinity) <= gap.from &&
          (row.to ?? -Infinity) >= gap.to,
      );
      return {
        id,
        at: now.toISOString(),
        documentId: id,
        reason: 'missing-changes' as const,
        message: missingChangesMessage(`computer ${shortDeviceId(gap.deviceId)}`, gap),
        deviceId: gap.deviceId,
        n: gap.from,
        to: gap.to,
        ...(seenWider?.seenAt === undefined
          ? {}
          : { seenAt: seenWider.seenAt, ...(seenWider.seenById ? { seenById: seenWider.seenById } : {}) }),
      };
    });
  const gapsMoved = JSON.stringify(open) !== JSON.stringify(previous);
  if (!gapsMoved && fresh.length === 0 && closed.length === 0) return;
  const write = async () => {
    await db.syncState.put({ key: openGapsKey, value: open });
    if (closed.length > 0)
      await db.syncProblems.bulkPut(closed.map((row) => ({ ...row, closedAt: now.toISOString() })));
    if (fresh.length > 0) await db.syncProblems.bulkPut(fresh);
  };
  if (fresh.length === 0) {
    await db.transaction('rw', db.syncState, db.syncProblems, write);
    return;
  }
  await auditLog(db, options.anchor).writePending(
    fresh.map((problem) => ({
      action: 'sync.records-missing',
      recordType: 'syncProblem',
      recordId: problem.id,
      detail: `${problem.deviceId ?? ''} ${problem.n ?? ''}-${problem.to ?? ''}`,
    })),
    [db.syncState, db.syncProblems],
    write,
    now,
  );
}
