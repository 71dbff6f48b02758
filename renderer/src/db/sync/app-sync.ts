import type { FamilyLinksApi } from '@shared/ipc/client';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { watchPendingAdditions, type SyncManagerCalls } from './pairing-flow';
import type { PendingAdditions } from './pending-additions';
import { openDeviceKeyStore, type DeviceKeyStore } from '../../platform/sync/device-key-store';
import type { KeyStanding } from './home-keys';
import { connectSync, runSync, type RunningSync, type SyncConnection } from './sync-runner';

/**
 * Sync as the app holds it: the device key store, and, when this computer has a server and a
 * home, the connection and its running sync. Without a server only the key store is open, and
 * nothing is read or written.
 */
export type AppSync = {
  readonly db: FamilyLinksDb;
  readonly api: FamilyLinksApi;
  readonly store: DeviceKeyStore;
  readonly connection: SyncConnection | undefined;
  readonly errors: readonly string[];
  /**
   * Endorses the manager's pending additions as their computers join, until the returned stop;
   * a code found expired is ended on the server with the manager's `calls`.
   */
  watchAdditions(calls: SyncManagerCalls, session: Session, pending: PendingAdditions): () => void;
  stop(): void;
};

/**
 * The API with the server's refusals noticed: a 401 or 403 to this computer's own credentials
 * means the manager removed it (its server user is gone), which the person here must be told.
 */
function noticingRefusals(api: FamilyLinksApi, onRefused: () => void): FamilyLinksApi {
  return {
    ...api,
    'sync:http': async (request) => {
      const reply = await api['sync:http'](request);
      if (reply.ok && reply.value.outcome === 'reply' && [401, 403].includes(reply.value.status)) onRefused();
      return reply;
    },
  };
}

export async function startAppSync(
  db: FamilyLinksDb,
  api: FamilyLinksApi,
  onRefused: () => void = () => undefined,
  onKeyStanding: (standing: KeyStanding) => void = () => undefined,
): Promise<AppSync> {
  const store = openDeviceKeyStore();
  const errors: string[] = [];
  let running: RunningSync | undefined;
  const noted = (error: unknown) => {
    // Kept short: a lost connection retries at the next pass.
    errors.splice(0, Math.max(0, errors.length - 19));
    errors.push(error instanceof Error ? error.message : String(error));
  };
  const connection = await connectSync(db, noticingRefusals(api, onRefused), store);
  if (connection) running = runSync(connection, { onError: noted, onKeyStanding });
  return {
    db,
    api,
    store,
    connection,
    errors,
    watchAdditions: (calls, session, pending) =>
      connection
        ? watchPendingAdditions(connection, calls, session, pending, { onError: noted })
        : () => undefined,
    stop() {
      running?.stop();
      store.close();
    },
  };
}
