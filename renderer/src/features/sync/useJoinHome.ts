import { useMemo } from 'react';
import type { SyncServer } from '@shared/sync/sync-settings';
import { useAppSync } from '../../db/sync/sync-context';
import { joinHome, type PullProgress } from '../../db/sync/pairing-flow';
import { useDatabase } from '../../db/useDatabase';
import { openDeviceKeyStore } from '../../platform/sync/device-key-store';
import { windowApi } from '../../platform/window-api';

export type { PullProgress } from '../../db/sync/pairing-flow';

/**
 * A new computer joining the home's computers from the first-run screen, before anyone can sign
 * in here; sync starts once it has joined. Undefined without a bridge to the main process.
 */
export function useJoinHome() {
  const db = useDatabase();
  const api = windowApi();
  const { restart } = useAppSync();
  return useMemo(
    () =>
      api && {
        async join(server: SyncServer, codeText: string, onProgress: (progress: PullProgress) => void) {
          const store = openDeviceKeyStore();
          try {
            const joined = await joinHome(db, api, store, { server, codeText }, onProgress, new Date());
            if (joined.ok) restart();
            return joined;
          } finally {
            store.close();
          }
        },
      },
    [api, db, restart],
  );
}
