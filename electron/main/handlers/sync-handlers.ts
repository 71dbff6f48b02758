import type { IpcReply } from '../../../shared/ipc/contract';
import type { SyncManagerChannel } from '../../../shared/ipc/manager-request';
import type { IpcHandlers } from '../ipc-router';
import type { HomeAuthority } from '../services/authority/home-authority';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import type { SyncService } from '../services/sync/sync-service';
import { managerOnly } from './manager-only';

type SyncChannel = Extract<keyof IpcHandlers, `sync:${string}`>;
/** What a manager-only channel's service call is given: the request, its proof checked and taken off. */
type ProvenRequest<Channel extends SyncManagerChannel> = Parameters<
  Parameters<typeof managerOnly<Channel>>[2]
>[0];

/**
 * The sync channels, bound to the sync service. Outcomes are values; nothing here throws on purpose.
 * What decides where this computer's records go, and which computers may sync with the home, needs
 * a Registered Manager's proof (`managerOnly`): setting the server up (with a server of someone
 * else's and its admin's password, a page with nobody signed in would have the home's sealed
 * records replicate there), adding a computer, cancelling a code, removing a computer, and
 * forgetting the server (it would quietly stop new restrictions reaching this computer).
 *
 * Open, and why: the status and a pairing's state are reads; the replication relay goes only to
 * the server already set up, inside the home's database, with records already sealed; fetching a
 * pairing and completing a join come before the new computer has any account to prove anything
 * with, and the service refuses completing a join once this computer syncs with another server.
 * A completed join teaches this computer the home CA its code carried, unless it already has a
 * home or learnt another CA by joining (`HomeAuthority.learn`).
 */
export function createSyncHandlers(
  sync: SyncService,
  proofs: ManagerProofs,
  homeAuthority: Pick<HomeAuthority, 'learn'>,
): Pick<IpcHandlers, SyncChannel> {
  /** `channel` for the Registered Manager only, its reply the service's outcome as it is. */
  const forTheManager = <Channel extends SyncManagerChannel>(
    channel: Channel,
    outcome: (request: ProvenRequest<Channel>) => Promise<IpcReply<Channel>>,
  ) => managerOnly(proofs, channel, async (request) => ({ ok: true, value: await outcome(request) }));
  return {
    'sync:get-status': async () => ({ ok: true, value: await sync.getStatus() }),
    'sync:set-up-server': forTheManager('sync:set-up-server', (request) => sync.setUpServer(request)),
    'sync:add-computer': forTheManager('sync:add-computer', (request) => sync.addComputer(request)),
    'sync:pairing-status': async (request) => ({ ok: true, value: await sync.pairingStatus(request) }),
    'sync:cancel-pairing': forTheManager('sync:cancel-pairing', (request) => sync.cancelPairing(request)),
    'sync:remove-computer': forTheManager('sync:remove-computer', (request) => sync.removeComputer(request)),
    'sync:fetch-pairing': async (request) => ({ ok: true, value: await sync.fetchPairing(request) }),
    'sync:complete-join': async ({ homeAuthorityPem, ...request }) => {
      const completed = await sync.completeJoin(request);
      // Once joined, not before: a join that fails must not leave this computer trusting a CA,
      // or a first run here afterwards could not make the home's own.
      if (completed.outcome === 'done' && homeAuthorityPem !== undefined)
        await homeAuthority.learn(homeAuthorityPem, 'joined');
      return { ok: true, value: completed };
    },
    'sync:forget-server': managerOnly(proofs, 'sync:forget-server', async () => {
      await sync.forgetServer();
      return { ok: true, value: { forgotten: true } };
    }),
    'sync:http': async (request) => ({ ok: true, value: await sync.http(request) }),
  };
}
