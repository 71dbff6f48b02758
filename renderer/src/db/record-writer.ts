import type { IndexableType, Table } from 'dexie';
import { ok, type Failed, type Result } from '@shared/result';
import type { FamilyLinksDb } from './database';
import { auditLog, type AuditEventInput } from './repositories/audit-log-repository';
import type { Author } from './session';
import { unreachable } from '@shared/unreachable';

/** One write inside a change's transaction: rows to add or put, or keys to delete. */
export type RowWrite =
  | { readonly kind: 'add' | 'put'; readonly table: Table; readonly rows: readonly unknown[] }
  | { readonly kind: 'delete'; readonly table: Table; readonly keys: readonly IndexableType[] }
  | {
      readonly kind: 'delete-where';
      readonly table: Table;
      readonly index: string;
      readonly equals: IndexableType;
    };

/** A write step as the writer runs it: made ready (sealed) before the transaction, then checked and written in it. */
export type PreparedStep<Code extends string> = {
  readonly write: RowWrite;
  /** Inside the transaction, before anything is written: a refusal if what is stored now forbids the step. */
  readonly check?: () => Promise<Failed<Code> | undefined>;
  /** If the write itself fails: the whole change is refused with this (nothing is written), not thrown. */
  readonly refusalIfWriteFails?: Failed<Code>;
};

/** What a repository hands the writer for one table: `sealedStore` and `plainStore` make these. */
export type WriteStep<Code extends string = never> = {
  readonly table: Table;
  /** Seals what the step stores, with the author's keys. Runs before the transaction opens. */
  prepare(author: Author | undefined): Promise<PreparedStep<Code>>;
};

/** One user action's change to the records: what it stores, what must still hold, and what the audit log says. */
export type RecordChange<Code extends string> = {
  /** What happened, for the audit log: actions, record types and ids; never names, notes or form text. */
  readonly events: readonly AuditEventInput[];
  readonly writes?: readonly WriteStep<Code>[];
  /**
   * Inside the transaction, after the steps' own checks: a refusal found only once the transaction
   * can see the other rows (a room booked a moment ago, a name taken). It refuses the whole change.
   */
  readonly check?: () => Promise<Failed<Code> | undefined>;
  /** Tables `check` reads that no step writes. */
  readonly reads?: readonly Table[];
  /** When it happened; the writer's clock otherwise. */
  readonly at?: Date;
  /** Sign-in only: the failed and refused sign-ins recorded before anyone held the audit key go first. */
  readonly chainPendingSignIns?: boolean;
  /** Kept aside only (`writeBeforeSignIn`): whose events they are, for a session that has ended. */
  readonly actorId?: string;
};

/** Thrown inside the transaction to abort it; the refusal itself travels beside it, typed. */
class ChangeRefused extends Error {}

/**
 * The one way repositories write. A change (one user action) is written in one strict transaction
 * with its audit entries chained into the log (DESIGN rule 10: every change attributable).
 *
 * Records for sealed tables are sealed here, before the transaction opens: awaiting WebCrypto
 * inside one lets IndexedDB commit it. Inside, each step's check (a replaced row must still be
 * the one that was read: every seal has a fresh IV, so a different one means someone saved it
 * since) and then the change's own check run on what is stored now; any refusal leaves every
 * table as it was and comes back as a value, with the message for the person.
 *
 * Everything a repository stores comes through here. Deliberately not: the derived review
 * summaries (worked out again from the records wherever they are needed), a restore (it replaces
 * the whole database and moves the audit anchor), schema migrations, and drafts kept while the
 * screen is locked.
 */
export function recordWriter(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const audit = auditLog(db);

  async function prepare<Code extends string>(change: RecordChange<Code>, author: Author | undefined) {
    const steps = await Promise.all((change.writes ?? []).map((step) => step.prepare(author)));
    const tables = [...new Set([...steps.map((step) => step.write.table), ...(change.reads ?? [])])];
    let refusal: Failed<Code> | undefined;
    const apply = async () => {
      refusal = undefined;
      for (const check of [...steps.map((step) => step.check), change.check]) {
        refusal = check ? await check() : undefined;
        if (refusal) throw new ChangeRefused();
      }
      for (const step of steps) {
        try {
          await store(step.write);
        } catch (error) {
          if (!step.refusalIfWriteFails) throw error;
          console.error('A write was refused, so the whole change was not saved', error);
          refusal = step.refusalIfWriteFails;
          throw new ChangeRefused();
        }
      }
    };
    return { tables, apply, refusal: () => refusal };
  }

  async function refusedOr<Code extends string>(
    run: () => Promise<void>,
    refusal: () => Failed<Code> | undefined,
  ): Promise<Result<void, Code>> {
    try {
      await run();
    } catch (error) {
      const refused = refusal();
      if (error instanceof ChangeRefused && refused) return refused;
      throw error;
    }
    return ok(undefined);
  }

  return {
    /** Writes `change` as `author`: sealed with their keys, audited under their name. */
    async write<Code extends string = never>(
      author: Author,
      change: RecordChange<Code>,
    ): Promise<Result<void, Code>> {
      const { tables, apply, refusal } = await prepare(change, author);
      return refusedOr(
        () =>
          audit.write(
            { actorId: author.staff.id, auditKey: author.auditKey },
            change.events,
            tables,
            apply,
            change.at ?? clock(),
            { includePending: change.chainPendingSignIns === true },
          ),
        refusal,
      );
    },

    /**
     * While nobody holds the audit key (a failed sign-in counting towards the lockout, a session
     * that has just dropped its keys): plain rows only, and the events wait unchained until the
     * next sign-in brings an audit key.
     */
    async writeBeforeSignIn<Code extends string = never>(
      change: RecordChange<Code>,
    ): Promise<Result<void, Code>> {
      const { tables, apply, refusal } = await prepare(change, undefined);
      return refusedOr(
        () => audit.writePending(change.events, tables, apply, change.at ?? clock(), change.actorId),
        refusal,
      );
    },
  };
}

/**
 * `step`, made to refuse the whole change with `refusal` if it cannot be made ready (sealed) or
 * written, rather than throw: for a part of a change the person must hear about in words (the
 * PAN group's alerts, queued with the change they are about, or neither).
 */
export function refusedIfFails<Code extends string>(
  step: WriteStep<never>,
  refusal: Failed<Code>,
): WriteStep<Code> {
  return {
    table: step.table,
    async prepare(author) {
      try {
        return { ...(await step.prepare(author)), refusalIfWriteFails: refusal };
      } catch (error) {
        console.error('A write could not be made ready, so the whole change was not saved', error);
        return { write: { kind: 'add', table: step.table, rows: [] }, check: () => Promise.resolve(refusal) };
      }
    },
  };
}

/** Makes one write, inside the change's transaction. */
async function store(write: RowWrite): Promise<void> {
  switch (write.kind) {
    case 'add':
      await (write.rows.length === 1 ? write.table.add(write.rows[0]) : write.table.bulkAdd([...write.rows]));
      return;
    case 'put':
      await (write.rows.length === 1 ? write.table.put(write.rows[0]) : write.table.bulkPut([...write.rows]));
      return;
    case 'delete':
      await write.table.bulkDelete([...write.keys]);
      return;
    case 'delete-where':
      await write.table.where(write.index).equals(write.equals).delete();
      return;
    default:
      return unreachable(write, 'write');
  }
}
