import { chunkDigest, chunkWriter, sealChunkBytes } from './backup-codec';

/**
 * What a backup asks of whoever makes its chunks (a worker, or this thread where there are no
 * workers): the next rows of a table, read in one transaction from the database named in
 * primary-key order after `after` (from the table's first row when there is none), at most
 * `chunks` chunks of `rows` rows, each serialised, sealed under the data key in its place (from
 * `index` on) and digested. A chunk is the same wherever it is made. Each read starts just after
 * the last key of the one before it, so reads meet: a row added while the backup runs is in one
 * chunk or none, never lost between two.
 */
export type ChunkRequest = {
  readonly id: number;
  readonly dataKey: CryptoKey;
  readonly backupId: string;
  readonly database: string;
  readonly table: string;
  readonly index: number;
  readonly after?: IDBValidKey;
  readonly rows: number;
  readonly chunks: number;
};

/**
 * What comes back for each request: first `read`, as soon as the rows are read (so the next read
 * can start from `last` while these are sealed), then `sealed` for each chunk in order, the last
 * `done`; or `failed` at any point. A read of no rows (the table has ended) makes no chunk.
 */
export type ChunkReply =
  | {
      readonly id: number;
      readonly kind: 'read';
      readonly rows: number;
      /** The chunk's last primary key; absent when it has no rows. */
      readonly last?: IDBValidKey;
    }
  | {
      readonly id: number;
      readonly kind: 'sealed';
      readonly index: number;
      /** Whether this is the request's last chunk. */
      readonly done: boolean;
      /** The chunk sealed, as base64 (`sealChunkBytes`). */
      readonly chunk: string;
      /** The SHA-256 of the chunk's bytes before sealing, as the manifest lists it. */
      readonly sha256: string;
      /** Milliseconds spent reading (on the first chunk), and turning the rows into bytes. */
      readonly readingMs: number;
      readonly serialisingMs: number;
    }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/**
 * The rows of `table` after `after`, at most `count`, and the last one's key, in one read-only
 * transaction (a single getAll with a count: the bare read).
 */
function readRows(
  database: IDBDatabase,
  table: string,
  after: IDBValidKey | undefined,
  count: number,
): Promise<{ readonly rows: unknown[]; readonly last?: IDBValidKey }> {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(table, 'readonly');
    const store = transaction.objectStore(table);
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const { keyPath } = store;
    // Every table keeps its key in the row under one name; any other kind of key is listed too.
    const keys = typeof keyPath === 'string' ? undefined : store.getAllKeys(range, count);
    const rows = store.getAll(range, count);
    // Requests are answered in the order asked, so the keys are in when the rows are.
    rows.onsuccess = () => {
      const result = rows.result as unknown[];
      const lastRow = result.at(-1);
      const last =
        lastRow === undefined
          ? undefined
          : typeof keyPath === 'string'
            ? ((lastRow as Record<string, unknown>)[keyPath] as IDBValidKey)
            : keys?.result.at(-1);
      resolve(last === undefined ? { rows: result } : { rows: result, last });
    };
    transaction.onabort = () => reject(transaction.error ?? new Error('Reading the rows was stopped'));
  });
}

/**
 * Answers chunk requests: the rows read from the database `open` gives, then each chunk's
 * serialised to bytes, sealed and digested (both WebCrypto), each step told through `tell`. Each
 * chunk's sealing is waited for before the next is serialised, so a request for the next read
 * that arrives meanwhile is started at once.
 */
export function chunkMaker(
  open: (name: string) => Promise<IDBDatabase>,
): (request: ChunkRequest, tell: (reply: ChunkReply) => void) => Promise<void> {
  const writer = chunkWriter();
  return async (request, tell) => {
    const { id } = request;
    try {
      const started = performance.now();
      const { rows, last } = await readRows(
        await open(request.database),
        request.table,
        request.after,
        request.rows * request.chunks,
      );
      const read = performance.now();
      tell(
        last === undefined
          ? { id, kind: 'read', rows: rows.length }
          : { id, kind: 'read', rows: rows.length, last },
      );
      let readingMs = read - started;
      for (let first = 0, index = request.index; first < rows.length; first += request.rows, index += 1) {
        const serialising = performance.now();
        const bytes = writer.chunk(request.table, rows.slice(first, first + request.rows));
        const serialisingMs = performance.now() - serialising;
        const [chunk, sha256] = await Promise.all([
          sealChunkBytes(request.dataKey, request.backupId, index, bytes),
          chunkDigest(bytes),
        ]);
        const done = first + request.rows >= rows.length;
        tell({ id, kind: 'sealed', index, done, chunk, sha256, readingMs, serialisingMs });
        readingMs = 0;
      }
    } catch (error) {
      tell({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

/**
 * The database `name` as this thread's IndexedDB holds it, opened once at whatever version it is
 * and closed when the app upgrades it. A backup only reads a database the app has made: one that
 * is not there is not made here.
 */
export function databaseOpener(factory: IDBFactory): (name: string) => Promise<IDBDatabase> {
  const opened = new Map<string, Promise<IDBDatabase>>();
  return (name) => {
    const known = opened.get(name);
    if (known) return known;
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => {
        const database = request.result;
        database.onversionchange = () => {
          database.close();
          opened.delete(name);
        };
        resolve(database);
      };
      request.onerror = () => reject(request.error ?? new Error(`The database ${name} could not be opened`));
    });
    opened.set(name, opening);
    opening.catch(() => opened.delete(name));
    return opening;
  };
}
