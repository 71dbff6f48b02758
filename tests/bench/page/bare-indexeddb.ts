/**
 * The floor every benchmark is compared with: the same rows through IndexedDB itself, with no
 * Dexie, no sealing and no schema checks. Written against the raw API on purpose.
 */

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

/** Opens (creating if need be) a database whose stores are keyed by `keyPath`, with no other indexes. */
export function openBareDatabase(
  name: string,
  stores: readonly { name: string; keyPath: string }[] = [],
): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => {
    for (const store of stores) request.result.createObjectStore(store.name, { keyPath: store.keyPath });
  };
  return requestDone(request);
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
