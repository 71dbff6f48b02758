import { Dexie, type Table } from 'dexie';
import { sha256Hex } from '@shared/bytes';
import {
  importDevicePublicKey,
  openEnvelope,
  type OpenedEnvelope,
  type SyncKeys,
} from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';
import { auditLog, type AuditEventInput, type Auditor } from '../repositories/audit-log-repository';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';
import { isReplicatedRow, markAppliedFromElsewhere } from './change-log';
import {
  auditTable,
  entriesInChain,
  auditWaitingKey,
  readWaitingMarks,
  withFirstWaiting,
  type WaitingMarks,
  readWaitingAgain,
  receivedAuditEntry,
} from './audit-entries-applied';
import { auditRowSchema, replicatedRowKey, replicatedRowSchemas } from './replicated-rows';
import type { SyncAppliedRow, SyncProblemReason, SyncProblemRow } from './sync-rows';
import { thisDevice } from './sync-device';
import { isJoining } from './sync-joining';
import { applyChanges } from './sync-versions';
import { noteAnnounced } from './announced-changes';

/** The part of the PouchDB mirror the applier reads: its changes feed, with documents. */
export type MirrorReader = {
  changes(options: { since: number | string; include_docs: true; limit: number }): Promise<{
    results: readonly { id: string; seq: number | string; deleted?: boolean; doc?: unknown }[];
    last_seq: number | string;
  }>;
};

export const pulledSinceKey = 'pulledSince';
export const seenKey = 'seen';

const problemMessages: Readonly<Record<Exclude<SyncProblemReason, OpenedRefusal>, string>> = {
  'different-copy':
    'A document on the sync server has a different body from the one already received for the same change.',
  'not-a-valid-row':
    'A document on the sync server holds a record that is not in the form Family Links stores.',
  'not-replicated-here':
    'A document on the sync server changes a record that is never shared between computers.',
  'audit-out-of-chain':
    'A document on the sync server holds an audit entry that does not follow on from the entries already received from that computer, or would remove one. It was kept out of the audit log.',
};
type OpenedRefusal = Extract<
  SyncProblemReason,
  'not-an-envelope' | 'unknown-device' | 'wrong-id' | 'bad-signature' | 'unreadable-body'
>;

export type ApplyOutcome = {
  readonly applied: number;
  readonly refused: number;
  /** Verified changes to tables this version does not yet take from other computers, kept for the one that does. */
  readonly held: number;
  /** Copies of documents already received, deleted documents and this computer's own. */
  readonly skipped: number;
};

export type ApplierOptions = {
  /** The signed-in member of staff, whose audit key records refusals; without one they wait for the next sign-in. */
  readonly auditor?: Auditor;
  readonly anchor?: AuditAnchorPort;
  readonly clock?: () => Date;
  /**
   * The most audit entries held behind a gap that a pass keeps open across pages (`carriedMost`
   * unless given): past it they wait on disk and the feed is read again once the gap is filled,
   * so memory stays bounded however long one computer's chain arrives out of order.
   */
  readonly carriedMost?: number;
};

/** The highest change number applied from each other computer, contiguous from 1. */
export async function seenVector(db: FamilyLinksDb): Promise<Record<string, number>> {
  const stored = (await db.syncState.get(seenKey))?.value;
  return typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, number>) } : {};
}

type Decision =
  | {
      readonly kind: 'apply' | 'hold' | 'pass';
      readonly opened: OpenedEnvelope;
      readonly applied: SyncAppliedRow;
      readonly row?: unknown;
    }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly problem: SyncProblemRow };

/** What a document says once opened, before it is compared with what was received here. */
type Verdict =
  | { readonly kind: 'hold' }
  // Received but never applied: another computer's own state, sent by a version before it was kept back.
  | { readonly kind: 'pass' }
  | { readonly kind: 'apply'; readonly row?: unknown }
  | { readonly kind: 'refuse'; readonly reason: 'audit-out-of-chain' | 'not-a-valid-row' };

/** A document checked, opened and parsed: the work that needs no reads of the records' database. */
type OpenedDocument =
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly problem: SyncProblemRow }
  | {
      readonly kind: 'opened';
      readonly envelope: OpenedEnvelope;
      readonly digest: string;
      readonly verdict: Verdict;
    };

/** One page of the mirror's feed, every document in it opened. */
type OpenedBatch = {
  readonly ids: readonly string[];
  readonly opened: readonly OpenedDocument[];
  readonly lastSeq: number | string;
  readonly now: string;
};

/**
 * A batch's most documents. A computer still joining takes larger ones: nobody can sign in there
 * until it has the home (sync-home.ts), so a longer transaction keeps no one waiting, and fewer
 * batches mean fewer transactions, each committed to disk.
 */
const batchSize = 500;
const joiningBatchSize = 2000;
/** The most audit entries kept open across pages; past it they wait on disk for the feed to be read again. */
const carriedMost = 5000;

/**
 * Applies other computers' changes from the mirror (docs/sync-design.md, "Applying incoming
 * documents"): the mirror's changes since the checkpoint kept in Dexie, a batch at a time; each
 * document's id and signature checked and its body opened in parallel, outside any transaction;
 * its row parsed with its table's schema; then one Dexie transaction per batch writes the rows
 * (marked as applied, so not logged again), the applied list, any problems and the checkpoint.
 * The next batch is read and opened while one is written: opening needs nothing the write
 * changes, and what was received before is read only once the write is done.
 * A refused document goes to `syncProblems` with an audit entry, never into the registers.
 */
export async function applyIncoming(
  db: FamilyLinksDb,
  mirror: MirrorReader,
  keys: SyncKeys,
  options: ApplierOptions = {},
): Promise<ApplyOutcome> {
  const clock = options.clock ?? (() => new Date());
  const self = await thisDevice(db);
  const devices = new Map<string, CryptoKey>();
  for (const peer of await db.syncPeers.toArray())
    devices.set(peer.deviceId, await importDevicePublicKey(peer.publicKey));
  const outcome = { applied: 0, refused: 0, held: 0, skipped: 0 };
  await readHeldAgain(db);
  await readWaitingAgain(db, pulledSinceKey);
  const since = (await db.syncState.get(pulledSinceKey))?.value ?? 0;
  const limit = (await isJoining(db)) ? joiningBatchSize : batchSize;
  const read = (from: unknown) =>
    readBatch(mirror, from as number | string, limit, clock, (result, now, timing) =>
      openDocument(keys, devices, self?.deviceId, result, now, timing),
    );
  // Audit entries held behind a gap on an earlier page of this pass, kept open here: the feed may
  // bring one computer's entries in any order (a sharded server interleaves them), and the page
  // that fills the gap then applies them too, rather than the whole feed being read again.
  let carried: readonly OpenedDocument[] = [];
  // Where the entries held on disk (from earlier passes, or past what is carried) wait.
  let waitingOnDisk = await readWaitingMarks(db);
  // Read before anything else is awaited: a page that fails is met where it is awaited, below.
  let next = read(since);
  for (;;) {
    const batch = await next;
    if (!batch) {
      // Entries held on an earlier pass whose gap this pass filled: the mirror is read again.
      if (!(await readWaitingAgain(db, pulledSinceKey))) return outcome;
      carried = [];
      waitingOnDisk = await readWaitingMarks(db);
      next = read(0);
      continue;
    }
    next = read(batch.lastSeq);
    // Its failure is met when it is awaited; meanwhile it must not count as unhandled.
    next.catch(() => undefined);
    const written = await writeBatch(db, batch, { carried, waitingOnDisk }, options, clock);
    outcome.applied += written.applied;
    outcome.refused += written.refused;
    // Each carried entry was counted as held on its own page: it is counted again by its fate here.
    outcome.held += written.held - carried.length;
    outcome.skipped += written.skipped;
    if (written.behindGap.length <= (options.carriedMost ?? carriedMost)) carried = written.behindGap;
    else [carried, waitingOnDisk] = [[], written.waiting];
  }
}

/** What a page is written with besides its own documents: the entries this pass holds open, and where those on disk wait. */
type HeldSoFar = {
  readonly carried: readonly OpenedDocument[];
  readonly waitingOnDisk: WaitingMarks;
};

/** Reads one page of the mirror's feed and opens every document in it, in parallel. */
async function readBatch(
  mirror: MirrorReader,
  since: number | string,
  limit: number,
  clock: () => Date,
  open: (result: FeedResult, now: string, timing: ParseTiming) => Promise<OpenedDocument>,
): Promise<OpenedBatch | undefined> {
  const fetchStarted = performance.now();
  const feed = await mirror.changes({ since, include_docs: true, limit });
  if (feed.results.length === 0) return undefined;
  const openStarted = phase('fetch', fetchStarted);
  const now = clock().toISOString();
  const timing = { parse: 0 };
  const opened = await Promise.all(feed.results.map((result) => open(result, now, timing)));
  phase('parse', openStarted, timing.parse);
  phase('open', openStarted);
  return { ids: feed.results.map((result) => result.id), opened, lastSeq: feed.last_seq, now };
}

/** Decides each opened document against what was received before, and writes the batch in one transaction. */
async function writeBatch(
  db: FamilyLinksDb,
  batch: OpenedBatch,
  { carried, waitingOnDisk }: HeldSoFar,
  options: ApplierOptions,
  clock: () => Date,
): Promise<ApplyOutcome & { readonly behindGap: readonly OpenedDocument[]; readonly waiting: WaitingMarks }> {
  const writeStarted = performance.now();
  const { now } = batch;
  // What was received before, read at once (after the batch before this one is written). The
  // entries carried from this pass's earlier pages are held there by this pass, so decided afresh.
  const stored = await db.syncApplied.bulkGet([...batch.ids]);
  const before = new Map(stored.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const all = [...carried, ...batch.opened];
  const decisions = [
    ...carried.map((opened) => decide(new Map(), opened, now)),
    ...batch.opened.map((opened) => decide(before, opened, now)),
  ];
  // Two copies of one change in the same batch: the first decides.
  const inBatch = new Map<string, string>();
  const finalDecisions = decisions.map((decision): Decision => {
    if (decision.kind !== 'apply' && decision.kind !== 'hold' && decision.kind !== 'pass') return decision;
    const earlier = inBatch.get(decision.applied.id);
    inBatch.set(decision.applied.id, decision.applied.digest);
    if (earlier === undefined) return decision;
    return earlier === decision.applied.digest
      ? { kind: 'skip' }
      : { kind: 'refuse', problem: problemOf(decision.applied.id, 'different-copy', now, decision.opened) };
  });
  const behindGap = await keepAuditChainsWhole(db, finalDecisions, now);
  // Each computer's first place waiting: those on disk, and the first of the entries held now.
  const waiting = withFirstWaiting(
    waitingOnDisk,
    behindGap.map((index) => {
      const held = finalDecisions[index] as Extract<Decision, { readonly opened: OpenedEnvelope }>;
      return [held.opened.deviceId, Number(Reflect.get(held.row as object, 'deviceSeq'))] as const;
    }),
  );
  const toApply = finalDecisions.flatMap((decision) => (decision.kind === 'apply' ? [decision] : []));
  const toHold = finalDecisions.flatMap((decision) => (decision.kind === 'hold' ? [decision] : []));
  const passed = finalDecisions.flatMap((decision) => (decision.kind === 'pass' ? [decision] : []));
  const received = [...toApply, ...toHold, ...passed];
  const problems = finalDecisions.flatMap((decision) =>
    decision.kind === 'refuse' ? [decision.problem] : [],
  );
  const tables = [...new Set(toApply.map((decision) => decision.opened.change.table))];
  const seen = await seenVector(db);
  const write = async () => {
    const transaction = Dexie.currentTransaction;
    // Another computer's audit entries are never logged here anyway (change-log.ts), and this
    // computer's own entry for a refusal, in this same transaction, must be.
    if (transaction)
      markAppliedFromElsewhere(
        transaction,
        tables.filter((table) => table !== auditTable),
      );
    // Each request names what it writes and none reads what another writes here (`seen` looks up
    // this batch's numbers in memory), so all are sent at once: one round trip, not one each.
    await Promise.all([
      applyChanges(db, toApply, now),
      received.length > 0 ? db.syncApplied.bulkPut(received.map((decision) => decision.applied)) : undefined,
      problems.length > 0 ? db.syncProblems.bulkPut(problems) : undefined,
      advanceSeen(db, seen, received).then((value) => db.syncState.put({ key: seenKey, value })),
      noteAnnounced(
        db,
        received.map((decision) => decision.opened),
      ),
      db.syncState.put({ key: pulledSinceKey, value: batch.lastSeq }),
      db.syncState.put({ key: auditWaitingKey, value: waiting }),
    ]);
  };
  const scope = [
    ...tables.map((name) => db.table(name)),
    db.syncApplied,
    db.syncProblems,
    db.syncState,
    db.syncVersions,
    db.syncConflicts,
  ];
  const transactionStarted = performance.now();
  await recordWithAudit(db, options, problems, scope, write, clock());
  phase('transaction', transactionStarted);
  phase('write', writeStarted);
  return {
    applied: toApply.length,
    refused: problems.length,
    held: toHold.length,
    skipped: finalDecisions.length - received.length - problems.length + passed.length,
    behindGap: behindGap.map((index) => all[index] as OpenedDocument),
    waiting,
  };
}

export const appliesTablesKey = 'appliesTables';

/**
 * Once this version applies tables an earlier one held (`held: 1`), reads the mirror again from
 * the start: the held changes are applied in their order, and everything else, already received,
 * is skipped as a copy. Done once per set of tables.
 */
async function readHeldAgain(db: FamilyLinksDb): Promise<void> {
  const applies = Object.keys(replicatedRowSchemas).sort().join(' ');
  if ((await db.syncState.get(appliesTablesKey))?.value === applies) return;
  await db.transaction('rw', db.syncApplied, db.syncState, async () => {
    const held = await db.syncApplied.filter((row) => row.held === 1).primaryKeys();
    if (held.length > 0) {
      await db.syncApplied.bulkDelete(held);
      await db.syncState.put({ key: pulledSinceKey, value: 0 });
    }
    await db.syncState.put({ key: appliesTablesKey, value: applies });
  });
}

type FeedResult = { id: string; deleted?: boolean; doc?: unknown };
/** The time spent in the rows' schemas, summed over a batch. */
type ParseTiming = { parse: number };

/** Checks a document's id and signature, opens its body and parses its row: no database reads. */
async function openDocument(
  keys: SyncKeys,
  devices: ReadonlyMap<string, CryptoKey>,
  selfId: string | undefined,
  result: FeedResult,
  now: string,
  timing: ParseTiming,
): Promise<OpenedDocument> {
  // A document gone from the server is noticed by the gap it leaves (docs/sync-design.md), not here.
  if (result.deleted || result.doc === undefined) return { kind: 'skip' };
  // This computer's own documents come back through the mirror's feed: they are already here.
  if (selfId !== undefined && Reflect.get(result.doc as object, 'd') === selfId) return { kind: 'skip' };
  const [opened, digest] = await Promise.all([
    openEnvelope(keys, devices, result.doc),
    sha256Hex(String(Reflect.get(result.doc as object, 'c'))),
  ]);
  if (!opened.ok)
    return {
      kind: 'refuse',
      problem: {
        id: crypto.randomUUID(),
        at: now,
        documentId: result.id,
        reason: opened.error.code,
        message: opened.error.message,
        // The writer the document names, for the manager to know where to look: unverified.
        ...claimedWriter(result.doc),
      },
    };
  const envelope = opened.value;
  return { kind: 'opened', envelope, digest, verdict: verdictOf(envelope, timing) };
}

/** What an opened document's change asks: its row parsed with its table's schema. */
function verdictOf(envelope: OpenedEnvelope, timing: ParseTiming): Verdict {
  const { change } = envelope;
  const schema = replicatedRowSchemas[change.table];
  // A table this version does not yet take from other computers: verified and kept as received
  // (`held`), so it leaves no gap, for the version that takes it to apply.
  if (!schema) return { kind: 'hold' };
  // A settings row of another computer's own state (its audit head): never this computer's to apply.
  if (!isReplicatedRow(change.table, change.key)) return { kind: 'pass' };
  // Audit entries are write-once, each computer's chain its own: none is ever removed from elsewhere.
  if (change.op === 'delete' && change.table === auditTable)
    return { kind: 'refuse', reason: 'audit-out-of-chain' };
  if (change.op === 'delete') return { kind: 'apply' };
  const parseStarted = performance.now();
  const row = schema.safeParse(change.row);
  timing.parse += performance.now() - parseStarted;
  if (!row.success || replicatedRowKey(row.data) !== change.key)
    return { kind: 'refuse', reason: 'not-a-valid-row' };
  if (change.table === auditTable) {
    const entry = receivedAuditEntry(auditRowSchema.parse(row.data), envelope.deviceId);
    return entry ? { kind: 'apply', row: entry } : { kind: 'refuse', reason: 'audit-out-of-chain' };
  }
  return { kind: 'apply', row: change.row };
}

/** An opened document against what was received here before: a copy is skipped, a different body refused. */
function decide(
  receivedBefore: ReadonlyMap<string, SyncAppliedRow>,
  opened: OpenedDocument,
  now: string,
): Decision {
  if (opened.kind !== 'opened') return opened;
  const { envelope, digest, verdict } = opened;
  const already = receivedBefore.get(envelope.id);
  if (already)
    return already.digest === digest
      ? { kind: 'skip' }
      : { kind: 'refuse', problem: problemOf(envelope.id, 'different-copy', now, envelope) };
  const applied: SyncAppliedRow = {
    id: envelope.id,
    deviceId: envelope.deviceId,
    n: envelope.n,
    digest,
    appliedAt: now,
  };
  if (verdict.kind === 'refuse')
    return { kind: 'refuse', problem: problemOf(envelope.id, verdict.reason, now, envelope) };
  if (verdict.kind === 'hold') return { kind: 'hold', opened: envelope, applied: { ...applied, held: 1 } };
  if (verdict.kind === 'pass') return { kind: 'pass', opened: envelope, applied };
  return { kind: 'apply', opened: envelope, applied, ...('row' in verdict ? { row: verdict.row } : {}) };
}

/**
 * Audit entries that cannot follow on in their computer's chain are refused, not applied; those
 * behind a gap are held, and read again once the gap fills (`audit-entries-applied.ts`). Says
 * which of the decisions it held behind a gap.
 */
async function keepAuditChainsWhole(
  db: FamilyLinksDb,
  decisions: Decision[],
  now: string,
): Promise<number[]> {
  const audit = decisions.flatMap((decision, index) =>
    decision.kind === 'apply' && decision.opened.change.table === auditTable
      ? [{ index, decision, entry: { ...(decision.row as object), deviceId: decision.opened.deviceId } }]
      : [],
  );
  if (audit.length === 0) return [];
  const fits = await entriesInChain(
    db,
    audit.map(({ entry }) => entry as Parameters<typeof entriesInChain>[1][number]),
  );
  const behindGap: number[] = [];
  audit.forEach(({ index, decision }, at) => {
    if (fits[at] === 'after-gap') {
      behindGap.push(index);
      decisions[index] = { ...decision, kind: 'hold', applied: { ...decision.applied, held: 1 } };
    } else if (fits[at] === 'out-of-chain')
      decisions[index] = {
        kind: 'refuse',
        problem: problemOf(decision.opened.id, 'audit-out-of-chain', now, decision.opened),
      };
  });
  return behindGap;
}

function claimedWriter(doc: unknown): { deviceId?: string; n?: number } {
  const d: unknown = typeof doc === 'object' && doc !== null ? Reflect.get(doc, 'd') : undefined;
  const n: unknown = typeof doc === 'object' && doc !== null ? Reflect.get(doc, 'n') : undefined;
  return {
    ...(typeof d === 'string' && d.length <= 64 ? { deviceId: d } : {}),
    ...(Number.isSafeInteger(n) ? { n: n as number } : {}),
  };
}

/**
 * Marks one phase of a batch on the page's performance timeline (`sync-apply:fetch`; `open`: ids,
 * signatures and bodies checked and rows parsed, in parallel; `parse`: the rows' schemas alone,
 * summed; `write`), where the performance panel and the `sync-first-pull` benchmark read them.
 * Only batches with documents are marked, so an idle computer adds none. Returns the time now.
 */
function phase(name: string, start: number, duration?: number): number {
  performance.measure(`sync-apply:${name}`, duration === undefined ? { start } : { start, duration });
  return performance.now();
}

function problemOf(
  documentId: string,
  reason: Exclude<SyncProblemReason, OpenedRefusal>,
  at: string,
  envelope: OpenedEnvelope,
): SyncProblemRow {
  return {
    id: crypto.randomUUID(),
    at,
    documentId,
    reason,
    message: problemMessages[reason],
    deviceId: envelope.deviceId,
    n: envelope.n,
  };
}

/** Moves each computer's contiguous high-water mark past the changes now applied. */
async function advanceSeen(
  db: FamilyLinksDb,
  seen: Record<string, number>,
  applied: readonly { readonly applied: SyncAppliedRow }[],
): Promise<Record<string, number>> {
  const next = { ...seen };
  // This batch's changes are looked up in memory (they are written, so the index would find them
  // too); only numbers received in earlier batches are asked of the index.
  const inBatch = new Map<string, Set<number>>();
  for (const { applied: row } of applied) {
    const numbers = inBatch.get(row.deviceId) ?? new Set<number>();
    inBatch.set(row.deviceId, numbers.add(row.n));
  }
  for (const [deviceId, numbers] of inBatch) {
    let high = next[deviceId] ?? 0;
    while (
      numbers.has(high + 1) ||
      (await db.syncApplied
        .where('[deviceId+n]')
        .equals([deviceId, high + 1])
        .count())
    )
      high += 1;
    next[deviceId] = high;
  }
  return next;
}

/** Writes the batch, with an audit entry for each refusal: chained now if someone is signed in, else at the next sign-in. */
function recordWithAudit(
  db: FamilyLinksDb,
  options: ApplierOptions,
  problems: readonly SyncProblemRow[],
  scope: readonly Table[],
  write: () => Promise<void>,
  now: Date,
): Promise<void> {
  const events: AuditEventInput[] = problems.map((problem) => ({
    action: 'sync.document-refused',
    recordType: 'syncDocument',
    recordId: problem.documentId,
    detail: problem.reason,
  }));
  const log = auditLog(db, options.anchor);
  if (options.auditor) return log.write(options.auditor, events, scope, write, now);
  return log.writePending(events, scope, write, now);
}
