import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import type { SyncService } from '../services/sync/sync-service';
import { managerOnly } from './manager-only';

type SyncChannel = Extract<keyof IpcHandlers, `sync:${string}`>;

/**
 * The sync channels, bound to the sync service. Outcomes are values; nothing here throws on purpose.
 * Forgetting the server needs a Registered Manager's proof (`managerOnly`): with nobody signed in it
 * would quietly stop new restrictions reaching this computer. Open: the status and a pairing's
 * state (reads), the replication relay (only to the server already set up, with records already
 * sealed), and the two joining steps, which come before the new computer has any account; joining
 * is refused by the service once this computer syncs.
 */
export function createSyncHandlers(sync: SyncService, proofs: ManagerProofs): Pick<IpcHandlers, SyncChannel> {
  return {
    'sync:get-status': async () => ({ ok: true, value: await sync.getStatus() }),
    'sync:set-up-server': async (request) => ({ ok: true, value: await sync.setUpServer(request) }),
    'sync:add-computer': async (request) => ({ ok: true, value: await sync.addComputer(request) }),
    'sync:pairing-status': async (request) => ({ ok: true, value: await sync.pairingStatus(request) }),
    'sync:cancel-pairing': async (request) => ({ ok: true, value: await sync.cancelPairing(request) }),
    'sync:remove-computer': async (request) => ({ ok: true, value: await sync.removeComputer(request) }),
    'sync:fetch-pairing': async (request) => ({ ok: true, value: await sync.fetchPairing(request) }),
    'sync:complete-join': async (request) => ({ ok: true, value: await sync.completeJoin(request) }),
    'sync:forget-server': managerOnly(proofs, 'sync:forget-server', async () => {
      await sync.forgetServer();
      return { ok: true, value: { forgotten: true } };
    }),
    'sync:http': async (request) => ({ ok: true, value: await sync.http(request) }),
  };
}
