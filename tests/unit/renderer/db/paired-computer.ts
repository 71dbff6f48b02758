import type { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { createSyncHandlers } from '../../../../electron/main/handlers/sync-handlers';
import type { SyncHttpRequest } from '../../../../shared/ipc/channels/sync';
import type { FamilyLinksApi } from '../../../../shared/ipc/client';
import type { HomeAuthority } from '../../../../electron/main/services/authority/home-authority';
import type { ManagerProofs } from '../../../../electron/main/services/authority/manager-proofs';
import type { SyncService } from '../../../../electron/main/services/sync/sync-service';
import type { SyncManagerCalls } from '../../../../renderer/src/db/sync/pairing-flow';
import { openDeviceKeyStore } from '../../../../renderer/src/platform/sync/device-key-store';
import { openMirror } from '../../../../renderer/src/platform/sync/replicator';
import { databasesClosedAfterEach, freshDatabase } from './test-database';

/**
 * The manager's sync requests made straight to this computer's sync service, as its main process
 * makes them once it has checked the manager's proof: these tests are of the flows, and the proof
 * is tested where it is checked (tests/unit/electron/handlers/sync-handlers.test.ts).
 */
export function managerCallsTo(sync: SyncService): SyncManagerCalls {
  const done = async <Value>(value: Promise<Value>) => ({ ok: true as const, value: await value });
  return {
    'sync:set-up-server': (request) => done(sync.setUpServer(request)),
    'sync:add-computer': (request) => done(sync.addComputer(request)),
    'sync:cancel-pairing': (request) => done(sync.cancelPairing(request)),
    'sync:remove-computer': (request) => done(sync.removeComputer(request)),
  };
}

/**
 * One computer of the home against the CouchDB-protocol test server: its own records, device key
 * store, mirror and main process (`sync`, from `couchTestRig`), reached through the IPC handlers
 * as the renderer reaches them. Every request it sends the server through the relay is noted in
 * `requests`, in order; `calls` are its manager's requests (`managerCallsTo`). What it opens is
 * closed after the test with `opened`.
 */
export function pairedComputer(
  name: string,
  main: { sync: SyncService; proofs: ManagerProofs; homeAuthority: HomeAuthority },
  opened: Dexie[],
) {
  const requests: SyncHttpRequest[] = [];
  const handlers = createSyncHandlers(
    main.sync,
    main.proofs,
    main.homeAuthority,
  ) as unknown as FamilyLinksApi;
  const api: FamilyLinksApi = {
    ...handlers,
    'sync:http': (request) => {
      requests.push(request);
      return handlers['sync:http'](request);
    },
  };
  const db = freshDatabase({ name });
  opened.push(db);
  const store = openDeviceKeyStore(new IDBFactory());
  opened.push({ close: () => store.close() } as never);
  const mirrorOf = () => openMirror(`${name}-${crypto.randomUUID()}`);
  return {
    db,
    api,
    calls: managerCallsTo(main.sync),
    store,
    mirrorOf,
    sync: main.sync,
    homeAuthority: main.homeAuthority,
    requests,
  };
}

/**
 * How a test file makes its computers against `syncService` (from `couchTestRig`): each a
 * `pairedComputer`, what it opens closed after its test.
 */
export function pairedComputers(
  syncService: () => Promise<{ sync: SyncService; proofs: ManagerProofs; homeAuthority: HomeAuthority }>,
) {
  const opened = databasesClosedAfterEach();
  return async (name: string) => pairedComputer(name, await syncService(), opened);
}
