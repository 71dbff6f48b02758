import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import { missingChangesMessage } from '@shared/sync/missing-changes';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import type { SyncProblemRow } from '../sync/sync-rows';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';
import { auditLog } from './audit-log-repository';
import { computerNamesFromHere } from './computer-names';

/** A sync problem as the manager reads it. */
export type SyncProblemForManager = {
  readonly id: string;
  /** What happened, in plain words. */
  readonly message: string;
  /** The computer it concerns ("Front desk", "computer 3F9A2C" while it has no name here, "this computer"), when known. */
  readonly computer?: string;
  /** When this computer found it. */
  readonly at: string;
};

export type SyncProblemError = 'forbidden' | 'not-found';

/** Still for the manager: not marked as seen, and not closed by the missing changes arriving. */
const isOpen = (row: SyncProblemRow): boolean => row.seenAt === undefined && row.closedAt === undefined;

/**
 * "Sync problems" (docs/sync-design.md, "What the server cannot do unnoticed"): documents this
 * computer refused and changes that never arrived, for the manager, newest first, until marked as
 * seen. Marking is audited and keeps the row: a problem is evidence and is never deleted.
 */
export function syncProblemRepository(
  db: FamilyLinksDb,
  clock: () => Date = () => new Date(),
  anchor?: AuditAnchorPort,
) {
  return {
    /** How many problems wait for the manager; 0 for anyone else. */
    async countOpen(session: Session): Promise<number> {
      if (!can(session.roles, 'sync:review-problems')) return 0;
      return db.syncProblems.filter(isOpen).count();
    },

    async listForManager(session: Session): Promise<SyncProblemForManager[]> {
      if (!can(session.roles, 'sync:review-problems')) return [];
      const nameOf = await computerNamesFromHere(db);
      const rows = await db.syncProblems.orderBy('at').reverse().filter(isOpen).toArray();
      return rows.map((row) => {
        const computer = row.deviceId === undefined ? undefined : nameOf(row.deviceId);
        // Missing changes are told again with the computer's name as known now: it may have had none when found.
        const message =
          row.reason === 'missing-changes' && computer !== undefined && row.n !== undefined
            ? missingChangesMessage(computer, { from: row.n, to: row.to ?? row.n })
            : row.message;
        return { id: row.id, message, at: row.at, ...(computer === undefined ? {} : { computer }) };
      });
    },

    /** The manager has seen it: marked (who and when) and audited, in one transaction; the row stays. */
    async markSeen(session: Session, problemId: string): Promise<Result<void, SyncProblemError>> {
      if (!can(session.roles, 'sync:review-problems'))
        return fail('forbidden', 'Only the manager can mark a sync problem as seen.');
      const problem = await db.syncProblems.get(problemId);
      if (!problem) return fail('not-found', 'This sync problem is no longer on this computer.');
      if (problem.seenAt !== undefined) return ok(undefined);
      const now = clock();
      await auditLog(db, anchor).write(
        { actorId: session.staff.id, auditKey: session.auditKey },
        [
          {
            action: 'sync.problem-acknowledged',
            recordType: 'syncProblem',
            recordId: problem.id,
            detail: problem.reason,
          },
        ],
        [db.syncProblems],
        async () => {
          await db.syncProblems.update(problem.id, { seenAt: now.toISOString(), seenById: session.staff.id });
        },
        now,
      );
      return ok(undefined);
    },
  };
}
