/**
 * The floor every benchmark is compared with: the same rows through IndexedDB itself, with no
 * Dexie, no sealing and no schema checks. Written against the raw API on purpose.
 */

import { timedCount } from './bench-timing';

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** An object store's shape: its key and, where given, the indexes IndexedDB keeps beside it. */
export type BareStore = {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly autoIncrement?: boolean;
  readonly indexes?: readonly {
    readonly name: string;
    readonly keyPath: string | string[];
    readonly unique: boolean;
    readonly multiEntry: boolean;
  }[];
};

/** Opens (creating if need be) a database whose stores are keyed by `keyPath`, with no other indexes but those given. */
export function openBareDatabase(name: string, stores: readonly BareStore[] = []): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => {
    for (const store of stores) {
      const created = request.result.createObjectStore(store.name, {
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement ?? false,
      });
      for (const index of store.indexes ?? [])
        created.createIndex(index.name, index.keyPath, {
          unique: index.unique,
          multiEntry: index.multiEntry,
        });
    }
  };
  return requestDone(request);
}

/** The stores `names` of an open database as IndexedDB holds them: keys and indexes. */
export function storeShapes(db: IDBDatabase, names: readonly string[]): BareStore[] {
  const transaction = db.transaction([...names], 'readonly');
  return names.map((name) => {
    const store = transaction.objectStore(name);
    return {
      name,
      keyPath: store.keyPath ?? 'id',
      autoIncrement: store.autoIncrement,
      indexes: Array.from(store.indexNames, (indexName) => {
        const index = store.index(indexName);
        return {
          name: indexName,
          keyPath: index.keyPath,
          unique: index.unique,
          multiEntry: index.multiEntry,
        };
      }),
    };
  });
}

/** Every row of each store, one getAll a store, in one transaction. */
export async function getAllOf(db: IDBDatabase, stores: readonly string[]): Promise<number> {
  const transaction = db.transaction([...stores], 'readonly');
  const all = await Promise.all(stores.map((store) => requestDone(transaction.objectStore(store).getAll())));
  return rowsRead(...all);
}

/** How many rows several reads found between them. */
export function rowsRead(...reads: readonly (readonly unknown[])[]): number {
  return reads.reduce((sum, rows) => sum + rows.length, 0);
}

export async function deleteDatabase(name: string): Promise<void> {
  const request = indexedDB.deleteDatabase(name);
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    // Another connection still open: the delete waits for it; the caller closes its own first.
    request.onblocked = () => undefined;
  });
}

/**
 * Puts every row in one readwrite transaction, with the same strict durability the app's
 * database asks for (so the floor waits for the disk just as the app does).
 */
export async function bulkPut(
  db: IDBDatabase,
  rowsByStore: ReadonlyMap<string, readonly unknown[]>,
): Promise<void> {
  const transaction = db.transaction([...rowsByStore.keys()], 'readwrite', { durability: 'strict' });
  const done = transactionDone(transaction);
  for (const [storeName, rows] of rowsByStore) {
    const store = transaction.objectStore(storeName);
    for (const row of rows) store.put(row);
  }
  await done;
}

/** getAll on one index over [from, to): the bare read under a repository's range query. */
export async function getAllInRange(
  db: IDBDatabase,
  storeName: string,
  indexName: string,
  from: string,
  to: string,
): Promise<unknown[]> {
  const transaction = db.transaction(storeName, 'readonly');
  return requestDone(
    transaction
      .objectStore(storeName)
      .index(indexName)
      .getAll(IDBKeyRange.bound(from, to, false, true)),
  );
}

/**
 * A floor's time: `read` on the bare database, returning how many rows it read. A floor that read
 * nothing would make any ratio against it look good, so it is refused (`nothingRead` says why).
 */
export async function timedFloor(
  read: () => Promise<number>,
  nothingRead = 'The floor read no rows: it would mean nothing',
): Promise<{ ms: number; rows: number }> {
  const { ms, n: rows } = await timedCount(read);
  if (rows === 0) throw new Error(nothingRead);
  return { ms, rows };
}

/** A benchmark's floor: how long `read` took on the bare database (see timedFloor), in milliseconds. */
export function bareFloor<State>(
  read: (state: State) => Promise<number>,
  nothingRead?: string,
): (state: State) => Promise<number> {
  return async (state) => (await timedFloor(() => read(state), nothingRead)).ms;
}

/** The teardown of a benchmark whose only resource is the bare database it compares with. */
export function closeBare(state: { readonly bare: IDBDatabase }): Promise<void> {
  state.bare.close();
  return Promise.resolve();
}
