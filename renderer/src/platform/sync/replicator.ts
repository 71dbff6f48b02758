import PouchDB, { type Database, type ReplicationEvents, type ReplicationResult } from 'pouchdb-browser';
import { createIpcFetch, virtualDatabaseUrl, type SyncHttpPort } from './ipc-fetch';

/**
 * The replicator: PouchDB in the renderer, between a local mirror (IndexedDB, this computer's copy
 * of the sealed documents) and the home's database on the server, reached only through the main
 * process. It moves opaque documents; what is in them, and how they reach Dexie, is the data
 * layer's business (docs/sync-design.md).
 *
 * 500 documents a batch: measured here, it roughly doubles throughput over PouchDB's 100.
 */
export const replicationBatchSize = 500;

export function openMirror(name: string): Database {
  return new PouchDB(name, { auto_compaction: true });
}

export function openRemote(database: string, syncHttp: SyncHttpPort): Database {
  const url = virtualDatabaseUrl(database);
  // skip_setup: clients never create the database (the server admin does), and never ask to.
  return new PouchDB(url, { skip_setup: true, fetch: createIpcFetch(syncHttp, url) });
}

export type ReplicationProgress = { readonly docsRead: number; readonly docsWritten: number };

/**
 * One pass in one direction, to the end of the source's changes, with progress as it goes. The
 * sync benchmarks' floor is this pass as it stands (`tests/bench/sync-benchmarks.ts`): a change
 * here moves the floor too.
 */
export function replicateOnce(
  source: Database,
  target: Database,
  onProgress?: (progress: ReplicationProgress) => void,
): Promise<ReplicationResult> {
  const replication = target.replicate.from(source, { batch_size: replicationBatchSize, batches_limit: 4 });
  // `on` hands back the replication itself, which the caller awaits.
  if (onProgress)
    void replication.on('change', (info) =>
      onProgress({ docsRead: info.docs_read, docsWritten: info.docs_written }),
    );
  return replication;
}

/**
 * 2,000 documents a batch for a computer's first pull (`pullWhileJoining`): each batch costs the
 * same handful of requests through the relay (changes, the mirror's revision check, the documents,
 * the checkpoint on both sides) and one IndexedDB transaction in the mirror, whatever its size.
 */
export const joiningBatchSize = 2000;

/**
 * A joining computer's pull: one way, server to mirror, in large batches. Nobody can sign in
 * there until it holds the home, so it has nothing of its own to send, and two-way sync would
 * only read back every arriving document to ask the server whether it has it. It records its
 * checkpoint under the same replication id as the live sync's pull side (source and target,
 * no filter), which so carries on from where it ends.
 */
export function pullWhileJoining(
  remote: Database,
  mirror: Database,
  onProgress?: (progress: ReplicationProgress) => void,
): ReplicationEvents {
  const replication = mirror.replicate.from(remote, { batch_size: joiningBatchSize, batches_limit: 2 });
  if (onProgress)
    void replication.on('change', (info) =>
      onProgress({ docsRead: info.docs_read, docsWritten: info.docs_written }),
    );
  return replication;
}

export type LiveSync = { cancel(): void };

/**
 * Both directions, live: a longpoll on the server's changes (each one bounded by the main
 * process) and the mirror's changes as they happen; on a lost connection PouchDB backs off and
 * retries, so a computer that was offline catches up when it is back.
 */
export function startLiveSync(
  mirror: Database,
  remote: Database,
  handlers: {
    onChange?: (direction: 'push' | 'pull', docsWritten: number) => void;
    onState?: (state: 'active' | 'paused' | 'denied' | 'error') => void;
  } = {},
): LiveSync {
  const sync = mirror.sync(remote, { live: true, retry: true, batch_size: replicationBatchSize });
  sync.on('change', (info) => handlers.onChange?.(info.direction, info.change.docs_written));
  for (const state of ['active', 'paused', 'denied', 'error'] as const)
    sync.on(state, () => handlers.onState?.(state));
  return { cancel: () => sync.cancel() };
}
