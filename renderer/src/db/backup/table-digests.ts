import DigestWorker from './table-digest-worker?worker';
import {
  digestRequestHandler,
  type DigestReply,
  type DigestRequest,
  type TableDigest,
} from './digest-requests';

/** A backup's running digests, one per table, taken page by page. */
export type BackupDigests = {
  /**
   * Adds a page of `table`'s rows, already serialised, in order. Settles once the page has been
   * taken in: awaiting it before giving the next keeps no more than a page or two waiting.
   */
  add(table: string, rowTexts: readonly string[]): Promise<void>;
  /** `table`'s digest over every page given: its rows and SHA-256. */
  finish(table: string): Promise<TableDigest>;
  /** Stops the worker; anything not yet answered fails. */
  close(): void;
};

type Transport = {
  readonly send: (request: DigestRequest) => Promise<DigestReply>;
  readonly close: () => void;
};

/**
 * The digests for one backup, worked out in a worker of their own, so that hashing a page runs
 * while the next is read, serialised and sealed on this thread. Where there are no workers (the
 * unit tests' jsdom) the same code answers on this thread, so the digest is the same either way.
 */
export function backupDigests(): BackupDigests {
  const transport = typeof Worker === 'function' ? workerTransport() : inThreadTransport();
  let nextId = 0;
  const ask = async (request: DistributiveOmit<DigestRequest, 'id'>): Promise<DigestReply & { ok: true }> => {
    nextId += 1;
    const reply = await transport.send({ ...request, id: nextId });
    if (!reply.ok) throw new Error(`A table's digest could not be taken: ${reply.message}`);
    return reply;
  };
  return {
    async add(table, rowTexts) {
      if (rowTexts.length === 0) return;
      await ask({ kind: 'add', table, joined: rowTexts.join('\n'), rows: rowTexts.length });
    },
    async finish(table) {
      const { digest } = await ask({ kind: 'finish', table });
      if (!digest) throw new Error(`No digest came back for ${table}`);
      return digest;
    },
    close: transport.close,
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function inThreadTransport(): Transport {
  const handle = digestRequestHandler();
  return { send: handle, close: () => undefined };
}

function workerTransport(): Transport {
  const worker = new DigestWorker();
  const waiting = new Map<
    number,
    { resolve: (reply: DigestReply) => void; reject: (error: Error) => void }
  >();
  let broken: Error | undefined;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const { reject } of waiting.values()) reject(broken);
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<DigestReply>) => {
    const waiter = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    waiter?.resolve(event.data);
  });
  worker.addEventListener('error', (event) => {
    failAll(new Error(`The backup's digest worker stopped: ${event.message || 'it could not start'}`));
  });
  worker.addEventListener('messageerror', () => {
    failAll(new Error("The backup's digest worker was sent something it could not read"));
  });
  return {
    send: (request) =>
      broken
        ? Promise.reject(broken)
        : new Promise((resolve, reject) => {
            waiting.set(request.id, { resolve, reject });
            worker.postMessage(request);
          }),
    close: () => {
      worker.terminate();
      failAll(new Error("The backup's digest worker was stopped"));
    },
  };
}
