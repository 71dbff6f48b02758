import SealingWorker from './chunk-sealing-worker?worker';
import { chunkMaker, type ChunkReply, type ChunkRequest } from './chunk-sealing';

export type ChunkRead = { readonly rows: number; readonly last?: IDBValidKey };
export type SealedChunk = {
  readonly chunk: string;
  readonly sha256: string;
  readonly readingMs: number;
  readonly serialisingMs: number;
};

/** A read's chunks on their way: the rows read (the next read starts from `last`), then each chunk sealed. */
export type ChunksUnderWay = {
  readonly read: Promise<ChunkRead>;
  /** The read's chunk `index` (its place in the backup) sealed; only for chunks the rows make. */
  readonly sealed: (index: number) => Promise<SealedChunk>;
};

/** A backup's chunk maker. */
export type ChunkSealer = {
  /** The next rows of a table, read, then each chunk of them serialised, sealed in its place and digested. */
  make(request: Omit<ChunkRequest, 'id' | 'database'>): ChunksUnderWay;
  /** Stops the workers; anything not yet answered fails. */
  close(): void;
};

type Transport = {
  /** Requests asked of it and not yet answered in full. */
  readonly busy: () => number;
  readonly send: (request: ChunkRequest, tell: (reply: ChunkReply) => void) => void;
  readonly close: () => void;
};

/**
 * The chunks of one backup of `database`, made in workers of their own, so that reading,
 * serialising, encoding and sealing the rows run off the page's thread: each worker reads its
 * chunk's rows through its own connection, so no row is read on this thread or copied from it
 * (a structured clone there, and another back in the worker, cost about as much as the read).
 * The reads follow one another, each from the last key of the one before, while the chunks
 * already read are sealed. Where there are no workers (the unit tests), or the database is not
 * in this page's own IndexedDB (where a worker would look for it), the same code answers on this
 * thread through the page's connection, so the chunk is the same either way.
 */
export function chunkSealer(database: {
  readonly name: string;
  readonly factory: IDBFactory;
  readonly backendDB: () => IDBDatabase;
}): ChunkSealer {
  // Two workers, one for each core of the office computers this runs on: one reads the next rows
  // while the other seals the last.
  const transports =
    typeof Worker === 'function' && database.factory === globalThis.indexedDB
      ? [workerTransport(), workerTransport()]
      : [inThreadTransport(() => database.backendDB())];
  let nextId = 0;
  return {
    make(request) {
      nextId += 1;
      // The least busy worker (the other is still sealing), taking turns when they are alike.
      let transport = transports[nextId % transports.length];
      for (const other of transports) if (transport && other.busy() < transport.busy()) transport = other;
      if (!transport) throw new Error('The backup has no sealing worker');
      const read = settleLater<ChunkRead>();
      const sealed = new Map<number, ReturnType<typeof settleLater<SealedChunk>>>();
      const sealedAt = (index: number) => {
        const known = sealed.get(index);
        if (known) return known;
        const later = settleLater<SealedChunk>();
        sealed.set(index, later);
        return later;
      };
      let failure: Error | undefined;
      transport.send({ ...request, database: database.name, id: nextId }, (reply) => {
        if (reply.kind === 'read') read.resolve(reply.last === undefined ? { rows: reply.rows } : reply);
        else if (reply.kind === 'sealed') sealedAt(reply.index).resolve(reply);
        else {
          failure = new Error(`A backup chunk could not be made: ${reply.message}`);
          read.reject(failure);
          for (const later of sealed.values()) later.reject(failure);
        }
      });
      return {
        read: read.promise,
        sealed: (index) => (failure ? Promise.reject(failure) : sealedAt(index).promise),
      };
    },
    close: () => {
      for (const transport of transports) transport.close();
    },
  };
}

/** A promise and what settles it; whoever waits on only one of a chunk's two is not told of the other's failure as unhandled. */
function settleLater<Value>() {
  let resolve: (value: Value) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<Value>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Whether `reply` is the last a request gets. */
const isLast = (reply: ChunkReply) =>
  reply.kind === 'failed' || (reply.kind === 'read' ? reply.rows === 0 : reply.done);

function inThreadTransport(connection: () => IDBDatabase): Transport {
  const make = chunkMaker(() => Promise.resolve(connection()));
  let busy = 0;
  return {
    busy: () => busy,
    send: (request, tell) => {
      busy += 1;
      void make(request, (reply) => {
        if (isLast(reply)) busy -= 1;
        tell(reply);
      });
    },
    close: () => undefined,
  };
}

function workerTransport(): Transport {
  const worker = new SealingWorker();
  const waiting = new Map<number, (reply: ChunkReply) => void>();
  let broken: string | undefined;
  const failAll = (message: string) => {
    broken ??= message;
    for (const [id, tell] of waiting) tell({ id, kind: 'failed', message: broken });
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<ChunkReply>) => {
    const tell = waiting.get(event.data.id);
    if (isLast(event.data)) waiting.delete(event.data.id);
    tell?.(event.data);
  });
  worker.addEventListener('error', (event) => {
    failAll(`The backup's sealing worker stopped: ${event.message || 'it could not start'}`);
  });
  worker.addEventListener('messageerror', () => {
    failAll("The backup's sealing worker was sent something it could not read");
  });
  return {
    busy: () => waiting.size,
    send: (request, tell) => {
      if (broken) {
        tell({ id: request.id, kind: 'failed', message: broken });
        return;
      }
      waiting.set(request.id, tell);
      worker.postMessage(request);
    },
    close: () => {
      worker.terminate();
      failAll("The backup's sealing worker was stopped");
    },
  };
}
