import type { FamilyLinksApi } from '@shared/ipc/client';
import type { FamilyLinksDb } from '../database';
import { openDeviceKeyStore, type DeviceKeyStore } from '../../platform/sync/device-key-store';
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
  stop(): void;
};

export async function startAppSync(db: FamilyLinksDb, api: FamilyLinksApi): Promise<AppSync> {
  const store = openDeviceKeyStore();
  const errors: string[] = [];
  let running: RunningSync | undefined;
  const connection = await connectSync(db, api, store);
  if (connection)
    running = runSync(connection, {
      onError: (error) => {
        // Kept short: a lost connection retries at the next pass.
        errors.splice(0, Math.max(0, errors.length - 19));
        errors.push(error instanceof Error ? error.message : String(error));
      },
    });
  return {
    db,
    api,
    store,
    connection,
    errors,
    stop() {
      running?.stop();
      store.close();
    },
  };
}
