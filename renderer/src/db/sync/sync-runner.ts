import type { FamilyLinksApi } from '@shared/ipc/client';
import type { SyncStatus } from '@shared/ipc/channels/sync';
import { deriveSyncKeys, type SyncKeys } from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';
import { startRecordSync, type RecordSync } from './record-sync';
import { registryAwareMirror } from './registry-feed';
import type { Database } from 'pouchdb-browser';
import {
  keepExchangeKey,
  keyRefresher,
  reachableKeys,
  syncKeysOf,
  type ExchangeKey,
  type KeyStanding,
} from './home-keys';
import { loadSyncHome, signedRegistryDocuments, type SyncHome } from './sync-home';
import { isJoining } from './sync-joining';
import type { DeviceKeyStore } from '../../platform/sync/device-key-store';
import {
  openMirror,
  openRemote,
  pullWhileJoining,
  startLiveSync,
  type LiveSync,
} from '../../platform/sync/replicator';

/**
 * The app's sync while it runs (docs/sync-design.md): when the main process has a server for this
 * computer (`sync:get-status`) and the records' database has joined a home, it opens the mirror,
 * replicates it live with the server and runs record sync over it (the device registry brought
 * up to date before every pass). It runs with nobody signed in too: the door needs the records.
 * Without a server nothing starts and nothing changes.
 */

export type SyncConnection = {
  readonly db: FamilyLinksDb;
  readonly api: FamilyLinksApi;
  readonly home: SyncHome;
  readonly status: Extract<SyncStatus, { configured: true }>;
  readonly mirror: Database;
  /** The home's sync keys, newest sealing; brought up to date in place after a re-key (`home-keys.ts`). */
  readonly keys: SyncKeys;
  /** This computer's exchange key, to which a new sync key is wrapped. */
  readonly exchangeKey: ExchangeKey;
};

/** The mirror of the home's database on this computer (one per database on the server). */
export const mirrorName = (database: string): string => `family-links-sync-${database}`;

/** Opens the mirror for the home's database; tests give each computer its own. */
export type MirrorOpener = (database: string) => Database;

/** The app's own mirror of a database: the same one each time it is opened. */
export const appMirror: MirrorOpener = (database) => openMirror(mirrorName(database));

/** Opens what sync needs, if this computer has a server and a home; undefined otherwise. */
export async function connectSync(
  db: FamilyLinksDb,
  api: FamilyLinksApi,
  store: DeviceKeyStore,
  mirrorOf: MirrorOpener = appMirror,
): Promise<SyncConnection | undefined> {
  const status = await api['sync:get-status']({});
  if (!status.ok || !status.value.configured || !status.value.hasPassword) return undefined;
  const home = await loadSyncHome(db, store);
  if (!home) return undefined;
  const mirror = mirrorOf(status.value.database);
  const exchangeKey = await store.exchangeKeyFor(home.deviceId);
  // Published with this computer's other registry documents: how a computer set up before
  // exchange keys existed gets one, the first time sync starts there.
  await keepExchangeKey(db, home, exchangeKey);
  const connection = {
    db,
    api,
    home,
    status: status.value,
    mirror,
    keys: await deriveSyncKeys(home.homeSyncKey),
    exchangeKey,
  };
  return { ...connection, keys: await syncKeysOf(await reachableKeys(connection, new Date())) };
}

/** The remote database, through the main process's relay. */
export function remoteOf(connection: Pick<SyncConnection, 'api' | 'status'>) {
  return openRemote(connection.status.database, (request) => connection.api['sync:http'](request));
}

/** Puts this computer's signed registry documents in the mirror; one already there is left as it is. */
export async function publishRegistry(connection: SyncConnection): Promise<void> {
  for (const doc of await signedRegistryDocuments(connection.db))
    await connection.mirror.put(doc).catch((error: unknown) => {
      // 409: the mirror has it (from here or back from the server); anything else is worth knowing.
      if (Reflect.get(error as object, 'status') !== 409) throw error;
    });
}

export type RunningSync = {
  readonly connection: SyncConnection;
  /** One pass now: publish, send and apply. */
  runOnce(): Promise<void>;
  stop(): void;
};

/**
 * Replication between the mirror and the server: live, both ways; but a computer still joining
 * first pulls the home one way (`pullWhileJoining`), and only then, or if that pull fails (a lost
 * connection, which the live sync retries), starts the live sync. The applier reads the mirror
 * meanwhile, as ever.
 */
function startReplication(
  connection: SyncConnection,
  onState: ((state: string) => void) | undefined,
): LiveSync {
  const remote = remoteOf(connection);
  let cancelled = false;
  let current: LiveSync | undefined;
  const goLive = () => {
    if (!cancelled) current = startLiveSync(connection.mirror, remote, onState ? { onState } : {});
  };
  const firstPull = async () => {
    if (!(await isJoining(connection.db)) || cancelled) return;
    onState?.('active');
    const pull = pullWhileJoining(remote, connection.mirror);
    current = pull;
    await pull;
  };
  void firstPull()
    .catch(() => undefined)
    .then(goLive);
  return {
    cancel() {
      cancelled = true;
      current?.cancel();
    },
  };
}

type SyncHandlers = {
  readonly onError?: (error: unknown) => void;
  readonly onState?: (state: string) => void;
  /** Whether this computer holds the home's newest sync key, each time that may have changed. */
  readonly onKeyStanding?: (standing: KeyStanding) => void;
};

/**
 * Record sync over the registry-aware mirror, with the registry published and the keys brought
 * up to date before each pass. A computer that has not been given the home's newest key sends
 * what it records but applies nothing until it has it: what it cannot open would otherwise be
 * refused as tampered with, and never taken once the key came.
 */
export function startConnectionRecordSync(
  connection: SyncConnection,
  handlers: SyncHandlers = {},
): RecordSync {
  const { db, mirror, keys, home } = connection;
  const feed = registryAwareMirror(db, mirror, home);
  let isBehind = false;
  const refreshKeys = keyRefresher(connection, (standing) => {
    isBehind = standing.behindSince !== undefined;
    handlers.onKeyStanding?.(standing);
  });
  return startRecordSync(db, feed, keys, home.device, {
    beforePass: async () => {
      await publishRegistry(connection);
      // Read before the keys: what replication brings in while they are worked out waits a pass.
      const keysReadAt = (await mirror.info()).update_seq;
      await refreshKeys();
      if (isBehind) return false;
      await feed.prepare(keysReadAt);
      return true;
    },
    ...(handlers.onError ? { onError: handlers.onError } : {}),
  });
}

export function runSync(connection: SyncConnection, handlers: SyncHandlers = {}): RunningSync {
  const replication = startReplication(connection, handlers.onState);
  const records = startConnectionRecordSync(connection, handlers);
  return {
    connection,
    runOnce: async () => {
      await records.runOnce();
    },
    stop() {
      records.stop();
      replication.cancel();
    },
  };
}
