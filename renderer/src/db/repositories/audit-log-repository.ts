import type { Table } from 'dexie';
import {
  appendAuditEntry,
  headOf,
  type AuditVerification,
  type ChainedAuditEntry,
} from '@shared/rules/audit-chain';
import { can } from '@shared/rules/access';
import type { StaffRole } from '@shared/schemas/staff';
import type { FamilyLinksDb, PendingAuditRow } from '../database';
import type { Session } from '../session';
import {
  mainProcessAnchor,
  type AnchorReading,
  type AuditAnchorPort,
} from '../../platform/audit-anchor-port';
import { queuePerDatabase } from './database-queue';
import { advanceAnchor, checkAgainstAnchor, pendingEventsToChain } from './audit-anchor-sync';
import {
  auditHeadKey,
  checkEveryChain,
  headFor,
  readAuditHead,
  thisChainDevice,
  type ComputerChainCheck,
  type StoredAuditHead,
} from './audit-chain-reads';

/** Who is acting, and the key that lets them add to the chain. */
export type Auditor = { readonly actorId: string; readonly auditKey: CryptoKey };

/** What happened: an action, and the record it concerns. Never names, notes or form text. */
export type AuditEventInput = {
  readonly action: string;
  readonly recordType?: string;
  readonly recordId?: string;
  readonly detail?: string;
};

class AuditHeadMoved extends Error {}

function sameHead(a: StoredAuditHead | null, b: StoredAuditHead | null): boolean {
  return (
    a === b || (a !== null && b !== null && a.seq === b.seq && a.mac === b.mac && a.deviceId === b.deviceId)
  );
}

/** The whole log's check: one verdict per computer's chain, this computer's first. */
export type AuditLogCheck = {
  readonly chains: readonly ComputerChainCheck[];
  /** The worst of them, as recorded in the log. */
  readonly kind: AuditVerification['kind'];
};

function worstOf(chains: readonly ComputerChainCheck[]): AuditVerification['kind'] {
  const kinds = new Set(chains.map((chain) => chain.verdict.kind));
  if (kinds.has('tampered') || chains.some((chain) => chain.refused > 0)) return 'tampered';
  return kinds.has('unverifiable') ? 'unverifiable' : 'intact';
}

// One queue per database: appends from this window go one at a time, so the chain never forks.
const serialised = queuePerDatabase();

/**
 * The audit and disclosure log (DESIGN rule 10: every change attributable). Entries are chained
 * with a keyed hash (`shared/rules/audit-chain.ts`); the chain's head is kept apart, so cutting off
 * the last entries shows. The MACs are computed before the transaction (WebCrypto cannot be awaited
 * inside one); inside it, the head is read again, and if another append got in first the whole
 * thing is redone, so the change and its entries are always one transaction.
 *
 * Each computer writes its own chain (`audit-chain-reads.ts`): the head kept here is this
 * computer's, and the main process's anchor follows this computer's chain only.
 */
export function auditLog(
  db: FamilyLinksDb,
  anchor: AuditAnchorPort = mainProcessAnchor(),
  clock: () => Date = () => new Date(),
) {
  /**
   * Whose chain this computer writes: its sync id once sync is set up, or the id its head already
   * names. Without either, and while the table holds only this computer's entries, none: entries
   * are written as they always were, numbered by their place in the table, so one computer works
   * exactly as before and a copy of its database (a restored backup, a second computer set up
   * from it) never shares an id with it. Otherwise (another computer's entries are here, sync
   * since removed) a new id of its own.
   */
  async function writerOf(stored: StoredAuditHead | null, newDevice: string): Promise<string | undefined> {
    const named = await thisChainDevice(db, stored);
    if (named !== undefined) return named;
    const last = Number((await db.audit.orderBy('seq').lastKey()) ?? 0);
    return last === (stored?.seq ?? 0) ? undefined : newDevice;
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
        // Read and checked with the main process once, before any transaction (it is a round trip).
        const pending = options.includePending ? await db.pendingAudit.orderBy('id').toArray() : [];
        const pendingEvents = pending.length > 0 ? await pendingEventsToChain(anchor, pending) : [];
        const newDevice = crypto.randomUUID();
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const stored = await readAuditHead(db);
          const deviceId = await writerOf(stored, newDevice);
          const head = deviceId === undefined ? stored : headFor(stored, deviceId);
          const toChain = [
            ...pendingEvents,
            ...events.map((event) => ({ ...event, at: now.toISOString(), actorId: auditor.actorId })),
          ];
          const entries: ChainedAuditEntry[] = [];
          let nextHead = head;
          for (const event of toChain) {
            const entry = await appendAuditEntry(nextHead, event, auditor.auditKey, deviceId);
            entries.push(entry);
            nextHead = headOf(entry);
          }
          const scope = [...new Set([...tables, db.audit, db.settings, db.pendingAudit])];
          try {
            await db.transaction('rw', scope, async () => {
              if (!sameHead(await readAuditHead(db), stored)) throw new AuditHeadMoved();
              await change();
              if (entries.length > 0 && nextHead) {
                // Other computers' entries sit in the table too: each new one goes after the last.
                const last = Number((await db.audit.orderBy('seq').lastKey()) ?? 0);
                await db.audit.bulkAdd(
                  deviceId === undefined
                    ? entries
                    : entries.map((entry, index) => ({ ...entry, seq: last + 1 + index })),
                );
                await db.settings.put({
                  key: auditHeadKey,
                  value: deviceId === undefined ? nextHead : { ...nextHead, deviceId },
                });
              }
              if (pending.length > 0)
                await db.pendingAudit.bulkDelete(
                  pending.flatMap((row) => (row.id === undefined ? [] : [row.id])),
                );
            });
            if (nextHead && nextHead !== head) await advanceAnchor(db, anchor, deviceId, head, nextHead);
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
     * for what happens while nobody holds the audit key (a failed or refused sign-in; a lock or
     * sign-out, whose keys are dropped before it is recorded, naming `actorId`). Each event
     * is first stamped by the main process (its clock, a number, its MAC) so that at the next
     * sign-in it can say the row is its own and unchanged; without a main process it is kept
     * unstamped. The stamps are asked for one at a time, in order, before the transaction opens
     * (an IPC round trip inside one would let IndexedDB commit it).
     */
    async writePending(
      events: readonly AuditEventInput[],
      tables: readonly Table[],
      change: () => Promise<void>,
      now: Date,
      actorId?: string,
    ): Promise<void> {
      const rows: PendingAuditRow[] = [];
      for (const event of events) {
        const plain = {
          action: event.action,
          ...(event.recordType ? { recordType: event.recordType } : {}),
          ...(event.recordId ? { recordId: event.recordId } : {}),
          ...(event.detail ? { detail: event.detail } : {}),
          ...(actorId ? { actorId } : {}),
        };
        const sealed = await anchor.sealPending(plain);
        rows.push(sealed ? { ...plain, ...sealed } : { ...plain, at: now.toISOString() });
      }
      await db.transaction('rw', [...new Set([...tables, db.pendingAudit])], async () => {
        await change();
        if (rows.length > 0) await db.pendingAudit.bulkAdd(rows);
      });
    },

    /** The main process's record of where the log ends, for the Audit log screen. Manager only. */
    async anchorState(roles: readonly StaffRole[]): Promise<AnchorReading | undefined> {
      if (!can(roles, 'audit:view')) return undefined;
      return anchor.read();
    },

    /** Every start, adoption and restore of that record, newest first. Manager only. */
    async anchorHistory(roles: readonly StaffRole[]) {
      if (!can(roles, 'audit:view')) return undefined;
      return anchor.history();
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
     * Checks every computer's chain. This computer's is held against its head and then the copy of
     * the head the main process keeps (audit-anchor-sync.ts: a missing or damaged copy means
     * "cannot be verified", never "intact"); another computer's against itself and how far its
     * changes have arrived. Manager only.
     */
    async verifyComputers(
      roles: readonly StaffRole[],
      auditKey: CryptoKey,
    ): Promise<ComputerChainCheck[] | undefined> {
      if (!can(roles, 'audit:view')) return undefined;
      const anchored = await anchor.read();
      return checkEveryChain(db, auditKey, (verdict, entries) =>
        checkAgainstAnchor(verdict, entries, anchored),
      );
    },

    /** This computer's chain only (`verifyComputers`' first line). Manager only. */
    async verify(roles: readonly StaffRole[], auditKey: CryptoKey): Promise<AuditVerification | undefined> {
      return (await this.verifyComputers(roles, auditKey))?.[0]?.verdict;
    },

    /** The manager checks the log: every chain's verdict, and an entry saying the check was made and what it found. */
    async check(session: Session): Promise<AuditLogCheck | undefined> {
      const chains = await this.verifyComputers(session.roles, session.auditKey);
      const verdict = chains ? { chains, kind: worstOf(chains) } : undefined;
      const gone = chains?.reduce(
        (sum, chain) => sum + chain.gone.reduce((n, each) => n + each.ids.length, 0),
        0,
      );
      await this.write(
        { actorId: session.staff.id, auditKey: session.auditKey },
        [
          {
            action: 'audit.verified',
            detail: `${verdict?.kind ?? 'not allowed'}${gone ? `; rows it records gone: ${gone}` : ''}`,
          },
        ],
        [],
        () => Promise.resolve(),
        clock(),
      );
      return verdict;
    },
  };
}
