import SealingWorker from './chunk-sealing-worker?worker';
import { sealRequestHandler, type SealReply, type SealRequest } from './chunk-sealing';

export type SealedChunk = { readonly chunk: string; readonly sha256: string; readonly serialisingMs: number };

/** A backup's chunk maker. */
export type ChunkSealer = {
  /**
   * A page of rows serialised, sealed in its place and digested. The rows are copied before this
   * returns (structured clone), so the caller may read the next page at once.
   */
  seal(request: Omit<SealRequest, 'id'>): Promise<SealedChunk>;
  /** Stops the worker; anything not yet answered fails. */
  close(): void;
};

type Transport = {
  readonly send: (request: SealRequest) => Promise<SealReply>;
  readonly close: () => void;
};

/**
 * The chunks of one backup, made in workers of their own, so that serialising, encoding and
 * sealing a page run on other cores while this thread reads the next pages. The page's thread
 * pays only for copying the rows to the worker (structured clone, native), about a third of what
 * serialising them costs. Where there are no workers (the unit tests) the same code answers on
 * this thread, so the chunk is the same either way.
 */
export function chunkSealer(): ChunkSealer {
  // Two workers take the pages in turn: one alone, with the reading five chunks at a time, was
  // the slower half of the backup.
  const transports =
    typeof Worker === 'function' ? [workerTransport(), workerTransport()] : [inThreadTransport()];
  let nextId = 0;
  return {
    async seal(request) {
      nextId += 1;
      const transport = transports[nextId % transports.length];
      if (!transport) throw new Error('The backup has no sealing worker');
      const reply = await transport.send({ ...request, id: nextId });
      if (!reply.ok) throw new Error(`A backup chunk could not be sealed: ${reply.message}`);
      return { chunk: reply.chunk, sha256: reply.sha256, serialisingMs: reply.serialisingMs };
    },
    close: () => {
      for (const transport of transports) transport.close();
    },
  };
}

function inThreadTransport(): Transport {
  const handle = sealRequestHandler();
  return { send: handle, close: () => undefined };
}

function workerTransport(): Transport {
  const worker = new SealingWorker();
  const waiting = new Map<number, { resolve: (reply: SealReply) => void; reject: (error: Error) => void }>();
  let broken: Error | undefined;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const { reject } of waiting.values()) reject(broken);
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<SealReply>) => {
    const waiter = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    waiter?.resolve(event.data);
  });
  worker.addEventListener('error', (event) => {
    failAll(new Error(`The backup's sealing worker stopped: ${event.message || 'it could not start'}`));
  });
  worker.addEventListener('messageerror', () => {
    failAll(new Error("The backup's sealing worker was sent something it could not read"));
  });
  return {
    send: (request) =>
      broken
        ? Promise.reject(broken)
        : new Promise((resolve, reject) => {
            // Copies the rows now; a row that cannot be copied (DataCloneError) rejects this.
            worker.postMessage(request);
            waiting.set(request.id, { resolve, reject });
          }),
    close: () => {
      worker.terminate();
      failAll(new Error("The backup's sealing worker was stopped"));
    },
  };
}
