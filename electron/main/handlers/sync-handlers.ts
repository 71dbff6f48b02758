import type { IpcHandlers } from '../ipc-router';
import type { SyncService } from '../services/sync/sync-service';

type SyncChannel = Extract<keyof IpcHandlers, `sync:${string}`>;

/** The sync channels, bound to the sync service. Outcomes are values; nothing here throws on purpose. */
export function createSyncHandlers(sync: SyncService): Pick<IpcHandlers, SyncChannel> {
  return {
    'sync:get-status': async () => ({ ok: true, value: await sync.getStatus() }),
    'sync:set-up-server': async (request) => ({ ok: true, value: await sync.setUpServer(request) }),
    'sync:add-computer': async (request) => ({ ok: true, value: await sync.addComputer(request) }),
    'sync:pairing-status': async (request) => ({ ok: true, value: await sync.pairingStatus(request) }),
    'sync:cancel-pairing': async (request) => ({ ok: true, value: await sync.cancelPairing(request) }),
    'sync:remove-computer': async (request) => ({ ok: true, value: await sync.removeComputer(request) }),
    'sync:fetch-pairing': async (request) => ({ ok: true, value: await sync.fetchPairing(request) }),
    'sync:complete-join': async (request) => ({ ok: true, value: await sync.completeJoin(request) }),
    'sync:forget-server': async () => {
      await sync.forgetServer();
      return { ok: true, value: { forgotten: true } };
    },
    'sync:http': async (request) => ({ ok: true, value: await sync.http(request) }),
  };
}
