import { isRegistryDocumentId } from '@shared/sync/device-registry';
import type { FamilyLinksDb } from '../database';
import { auditLog } from '../repositories/audit-log-repository';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';
import type { MirrorReader } from './sync-applier';
import type { MirrorWriter } from './sync-pump';
import type { SyncProblemRow } from './sync-rows';
import { refreshPeers, removedComputers, signedRegistryDocuments, type SyncHome } from './sync-home';

/** The mirror as the registry reads it: its registry documents, by id range. */
export type RegistryMirror = MirrorReader &
  MirrorWriter & {
    allDocs(options: { startkey: string; endkey: string; include_docs: true }): Promise<{
      rows: readonly { id: string; doc?: unknown }[];
    }>;
  };

/** How long a change from a computer not yet in the registry waits for its endorsement before it is refused. */
export const endorsementGraceMs = 30_000;

export const removedComputerMessage =
  'A document on the sync server comes from a computer that was removed from this home after it was removed.';

type Result = { id: string; seq: number | string; deleted?: boolean; doc?: unknown };

/** Every registry document in the mirror. */
export async function registryDocuments(mirror: RegistryMirror): Promise<unknown[]> {
  const { rows } = await mirror.allDocs({ startkey: 'r', endkey: 'r\uffff', include_docs: true });
  return rows.flatMap((row) => (row.doc === undefined ? [] : [row.doc]));
}

/**
 * Every registry document this computer knows: the mirror's, and those it signed itself that are
 * not in the mirror yet (sync puts them there at its next pass). A screen read straight after
 * setting up, adding or removing lists what this computer has just signed.
 */
export async function knownRegistryDocuments(db: FamilyLinksDb, mirror: RegistryMirror): Promise<unknown[]> {
  const inMirror = await registryDocuments(mirror);
  const ids = new Set(inMirror.map((doc): unknown => Reflect.get(doc as object, '_id')));
  return [...inMirror, ...(await signedRegistryDocuments(db)).filter((doc) => !ids.has(doc._id))];
}

/** A mirror's live feed, as far as watching the registry needs it (PouchDB's `changes`). */
export type LiveChanges = {
  changes(options: { since: 'now'; live: true }): {
    on(event: 'change', listener: (change: { id: string }) => void): unknown;
    on(event: 'error', listener: (error: unknown) => void): unknown;
    cancel(): void;
  };
};

/**
 * Calls `onChange` each time a registry document arrives in the mirror (another computer added,
 * removed or renamed one), so a screen listing the home's computers never offers to remove one
 * that is already gone. Returns the function that stops watching.
 */
export function watchRegistry(mirror: LiveChanges, onChange: () => void): () => void {
  const feed = mirror.changes({ since: 'now', live: true });
  feed.on('change', (change) => {
    if (isRegistryDocumentId(change.id)) onChange();
  });
  // The feed ends with the mirror (sync stopped, the manager signed out): nothing to tell.
  feed.on('error', () => undefined);
  return () => feed.cancel();
}

/**
 * The mirror as the applier sees it once the registry is in charge: registry documents never reach
 * the applier (they are not change envelopes) but bring the registry up to date as they arrive, so
 * `syncPeers` holds every computer the registry trusts before their changes are checked. A change
 * from a computer the registry does not know yet waits (its endorsement may be just behind it on
 * the server) for `endorsementGraceMs`, then goes on to be refused; a removed computer's changes
 * from its removal on are refused here, each with a problem for the manager and an audit entry.
 */
export type RegistryAwareMirror = MirrorReader &
  MirrorWriter & {
    /**
     * Before each pass of the applier: works the registry out from the mirror and notes the
     * computers it trusts now. The applier reads `syncPeers` once per pass, so a computer the
     * registry learns of during a pass has its changes kept back until the next. `keysReadAt`: the
     * mirror's update sequence when the home's sync keys were last worked out from it; a document
     * replicated in after that waits for the next pass, as it may be sealed under a key that a
     * re-key arriving with it brings (opened now, it would be refused as tampered with, for good).
     */
    prepare(keysReadAt?: number | string): Promise<void>;
  };

export function registryAwareMirror(
  db: FamilyLinksDb,
  mirror: RegistryMirror,
  home: SyncHome,
  options: { readonly clock?: () => Date; readonly anchor?: AuditAnchorPort } = {},
): RegistryAwareMirror {
  const clock = options.clock ?? (() => new Date());
  const waitingSince = new Map<string, number>();
  let knownAtStart = new Set<string>();
  let readUpTo: number | undefined;
  const peerIds = async () => new Set(await db.syncPeers.toCollection().primaryKeys());
  const refresh = async () => refreshPeers(db, home, await registryDocuments(mirror));

  async function pass(results: readonly Result[]) {
    if (results.some((result) => isRegistryDocumentId(result.id))) await refresh();
    const known = await peerIds();
    const removed = await removedComputers(db);
    const now = clock();
    const kept: Result[] = [];
    const refused: SyncProblemRow[] = [];
    for (const result of results) {
      if (readUpTo !== undefined && typeof result.seq === 'number' && result.seq > readUpTo)
        return { kept, refused, stoppedAt: result };
      if (isRegistryDocumentId(result.id)) continue;
      const d = writer(result);
      const n: unknown = result.doc === undefined ? undefined : Reflect.get(result.doc as object, 'n');
      if (d !== undefined && !knownAtStart.has(d)) {
        // Known since the pass began: the next pass takes it.
        if (known.has(d)) return { kept, refused, stoppedAt: result };
        const since = waitingSince.get(d) ?? now.getTime();
        waitingSince.set(d, since);
        if (now.getTime() - since < endorsementGraceMs) return { kept, refused, stoppedAt: result };
      }
      const from = d === undefined ? undefined : removed[d];
      if (d !== undefined && from !== undefined && typeof n === 'number' && n >= from) {
        refused.push({
          id: crypto.randomUUID(),
          at: now.toISOString(),
          documentId: result.id,
          reason: 'unknown-device',
          message: removedComputerMessage,
          deviceId: d,
          n,
        });
        continue;
      }
      kept.push(result);
    }
    return { kept, refused, stoppedAt: undefined };
  }

  return {
    async prepare(keysReadAt) {
      // PouchDB's browser mirror numbers its changes; a sequence of another form is not bounded.
      readUpTo = typeof keysReadAt === 'number' ? keysReadAt : undefined;
      await refresh();
      knownAtStart = await peerIds();
    },
    bulkDocs: (docs) => mirror.bulkDocs(docs),
    async changes(request) {
      let since = request.since;
      for (;;) {
        const feed = await mirror.changes({ ...request, since });
        if (feed.results.length === 0) return feed;
        const { kept, refused, stoppedAt } = await pass(feed.results);
        if (refused.length > 0) await recordRefusals(db, refused, clock(), options.anchor);
        // (A page left empty is read again at the next pass, as the applier keeps no checkpoint for
        // it: `recordRefusals` reports each document once.)
        if (stoppedAt !== undefined) {
          const last = kept[kept.length - 1];
          return { results: kept, last_seq: last ? last.seq : since };
        }
        if (kept.length > 0) return { results: kept, last_seq: feed.last_seq };
        // Only registry documents or refusals in this page: read on, so the checkpoint moves past them.
        since = feed.last_seq;
      }
    },
  };
}

function writer(result: Result): string | undefined {
  if (result.deleted || result.doc === undefined || isRegistryDocumentId(result.id)) return undefined;
  const d: unknown = Reflect.get(result.doc as object, 'd');
  return typeof d === 'string' ? d : undefined;
}

async function recordRefusals(
  db: FamilyLinksDb,
  found: readonly SyncProblemRow[],
  now: Date,
  anchor: AuditAnchorPort | undefined,
): Promise<void> {
  const reported = new Set((await db.syncProblems.toArray()).map((problem) => problem.documentId));
  const problems = found.filter((problem) => !reported.has(problem.documentId));
  if (problems.length === 0) return;
  // Written as the applier writes its refusals: stamped at the next sign-in, as nobody may be signed in.
  await auditLog(db, anchor).writePending(
    problems.map((problem) => ({
      action: 'sync.document-refused',
      recordType: 'syncDocument',
      recordId: problem.documentId,
      detail: problem.reason,
    })),
    [db.syncProblems],
    async () => {
      await db.syncProblems.bulkPut(problems);
    },
    now,
  );
}
