import type { Table } from 'dexie';
import {
  appendAuditEntry,
  headOf,
  verifyAuditChain,
  type AuditHead,
  type AuditVerification,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import { can } from '@shared/rules/access';
import type { StaffRole } from '@shared/schemas/staff';
import type { FamilyLinksDb, PendingAuditRow } from '../database';
import type { Session } from '../session';
import { mainProcessAnchor, type AuditAnchorPort } from '../../platform/audit-anchor-port';

/** Who is acting, and the key that lets them add to the chain. */
export type Auditor = { readonly actorId: string; readonly auditKey: CryptoKey };

/** What happened: an action, and the record it concerns. Never names, notes or form text. */
export type AuditEventInput = {
  readonly action: string;
  readonly recordType?: string;
  readonly recordId?: string;
  readonly detail?: string;
};

const headKey = 'auditHead';

class AuditHeadMoved extends Error {}

function sameHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a === b || (a !== null && b !== null && a.seq === b.seq && a.mac === b.mac);
}

// One queue per database: appends from this window go one at a time, so the chain never forks.
const queues = new WeakMap<FamilyLinksDb, Promise<unknown>>();
function serialised<T>(db: FamilyLinksDb, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * The audit and disclosure log (DESIGN rule 10: every change attributable). Entries are chained
 * with a keyed hash (`shared/rules/audit-chain.ts`); the chain's head is kept apart, so cutting off
 * the last entries shows. The MACs are computed before the transaction (WebCrypto cannot be awaited
 * inside one); inside it, the head is read again, and if another append got in first the whole
 * thing is redone, so the change and its entries are always one transaction.
 */
export function auditLog(
  db: FamilyLinksDb,
  anchor: AuditAnchorPort = mainProcessAnchor(),
  clock: () => Date = () => new Date(),
) {
  async function readHead(): Promise<AuditHead | null> {
    const row = await db.settings.get(headKey);
    return (row?.value as AuditHead | undefined) ?? null;
  }

  /**
   * Moves the anchor kept outside the database to `next` only if this log still holds the entry
   * the anchor names, unchanged. A log cut short and then grown past the anchor (entries removed
   * behind the app's back, then new ones written) would otherwise carry the anchor along and hide
   * the cut; left where it is, the anchor shows it at the next check. A log restored from a backup
   * moves the anchor itself first (`audit:rebase-anchor`), so it follows.
   */
  async function anchorIfItFollows(next: AuditHead): Promise<void> {
    const stored = await anchor.read();
    if (stored === 'unavailable') return;
    if (stored !== null) {
      const entry = await db.audit.get(stored.seq);
      if (entry?.mac !== stored.mac) {
        console.error(
          'The audit log no longer holds the entry its anchor names; the anchor is left where it is',
          { anchoredSeq: stored.seq },
        );
        return;
      }
    }
    await anchor.anchor(next);
  }

  return {
    /**
     * Runs `change` (plain IndexedDB writes: no WebCrypto inside) and appends `events` in one
     * strict transaction. With `includePending`, sign-in events recorded before anyone held the
     * audit key are chained in first, in the order they happened.
     */
    async write(
      auditor: Auditor,
      events: readonly AuditEventInput[],
      tables: readonly Table[],
      change: () => Promise<void>,
      now: Date,
      options: { includePending?: boolean } = {},
    ): Promise<void> {
      await serialised(db, async () => {
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const head = await readHead();
          const pending = options.includePending ? await db.pendingAudit.orderBy('id').toArray() : [];
          const toChain = [
            ...pending.map((row) => pendingToEvent(row)),
            ...events.map((event) => ({ ...event, at: now.toISOString(), actorId: auditor.actorId })),
          ];
          const entries: ChainedAuditEntry[] = [];
          let nextHead = head;
          for (const event of toChain) {
            const entry = await appendAuditEntry(nextHead, event, auditor.auditKey);
            entries.push(entry);
            nextHead = headOf(entry);
          }
          const scope = [...new Set([...tables, db.audit, db.settings, db.pendingAudit])];
          try {
            await db.transaction('rw', scope, async () => {
              if (!sameHead(await readHead(), head)) throw new AuditHeadMoved();
              await change();
              if (entries.length > 0) {
                await db.audit.bulkAdd(entries);
                await db.settings.put({ key: headKey, value: nextHead });
              }
              if (pending.length > 0)
                await db.pendingAudit.bulkDelete(
                  pending.flatMap((row) => (row.id === undefined ? [] : [row.id])),
                );
            });
            if (nextHead) await anchorIfItFollows(nextHead);
            return;
          } catch (error) {
            if (!(error instanceof AuditHeadMoved)) throw error;
          }
        }
        throw new Error('The audit log kept changing while writing to it');
      });
    },

    /**
     * Runs `change` and keeps `events` to be chained in at the next sign-in, in one transaction:
     * for what happens before anyone holds the audit key (a failed or refused sign-in).
     */
    async writePending(
      events: readonly AuditEventInput[],
      tables: readonly Table[],
      change: () => Promise<void>,
      now: Date,
    ): Promise<void> {
      const at = now.toISOString();
      await db.transaction('rw', [...new Set([...tables, db.pendingAudit])], async () => {
        await change();
        if (events.length > 0) await db.pendingAudit.bulkAdd(events.map((event) => ({ ...event, at })));
      });
    },

    /** The newest entries first, a page at a time, keyed by `seq` (never by offset). Manager only. */
    async page(
      roles: readonly StaffRole[],
      options: { beforeSeq?: number; limit: number },
    ): Promise<ChainedAuditEntry[] | undefined> {
      if (!can(roles, 'audit:view')) return undefined;
      const collection =
        options.beforeSeq === undefined
          ? db.audit.orderBy('seq')
          : db.audit.where('seq').below(options.beforeSeq);
      return collection.reverse().limit(options.limit).toArray();
    },

    /**
     * Checks every entry against the chain and the head, then against the copy of the head the
     * main process keeps: the log may have grown past it (a copy can lag), never fallen short of it.
     * Manager only.
     */
    async verify(roles: readonly StaffRole[], auditKey: CryptoKey): Promise<AuditVerification | undefined> {
      if (!can(roles, 'audit:view')) return undefined;
      const [entries, head, anchored] = await Promise.all([
        db.audit.orderBy('seq').toArray(),
        readHead(),
        anchor.read(),
      ]);
      const verdict = await verifyAuditChain(entries, head, auditKey);
      if (verdict.kind !== 'intact' || anchored === 'unavailable' || anchored === null) return verdict;
      const last = entries[entries.length - 1]?.seq ?? 0;
      if (anchored.seq > last) {
        return {
          kind: 'tampered',
          atSeq: last + 1,
          reason: 'truncated',
          message: `Entries after number ${last} have been removed: Family Links' own record says the log reached entry ${anchored.seq}. Keep this computer as it is and tell the registered manager.`,
        };
      }
      const anchoredEntry = entries.find((entry) => entry.seq === anchored.seq);
      if (anchoredEntry?.mac !== anchored.mac) {
        return {
          kind: 'tampered',
          atSeq: anchored.seq,
          reason: 'edited',
          message: `Entry ${anchored.seq} is not the one Family Links recorded: the log has been rewritten from there. Keep this computer as it is and tell the registered manager.`,
        };
      }
      return verdict;
    },

    /** The manager checks the log: the verdict, and an entry saying the check was made and what it found. */
    async check(session: Session): Promise<AuditVerification | undefined> {
      const verdict = await this.verify(session.roles, session.auditKey);
      await this.write(
        { actorId: session.staff.id, auditKey: session.auditKey },
        [{ action: 'audit.verified', detail: verdict?.kind ?? 'not allowed' }],
        [],
        () => Promise.resolve(),
        clock(),
      );
      return verdict;
    },
  };
}

function pendingToEvent(row: PendingAuditRow) {
  return {
    at: row.at,
    action: row.action,
    ...(row.recordType ? { recordType: row.recordType } : {}),
    ...(row.recordId ? { recordId: row.recordId } : {}),
    ...(row.detail ? { detail: row.detail } : {}),
  };
}
