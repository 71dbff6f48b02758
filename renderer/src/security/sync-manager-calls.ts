import type { FamilyLinksApi } from '@shared/ipc/client';
import type { SyncManagerChannel } from '@shared/ipc/manager-request';
import type { Session } from '../db/session';
import type { SyncManagerCalls } from '../db/sync/pairing-flow';
import { callAsManager } from './manager-proof';

/**
 * The sync requests only the Registered Manager may make (setting the server up, adding a
 * computer, cancelling a code, removing a computer), each made with a proof signed by this
 * session's key: the main process refuses them without one (electron/main/handlers/sync-handlers.ts),
 * and refuses a proof from anyone but the Registered Manager. A session with no certificate this
 * computer can use sends nothing and is told why in plain words (`callAsManager`).
 */
export function syncManagerCallsAs(
  api: Pick<FamilyLinksApi, 'auth:challenge' | SyncManagerChannel>,
  session: Session,
): SyncManagerCalls {
  return {
    'sync:set-up-server': (request) => callAsManager(api, session, 'sync:set-up-server', request),
    'sync:add-computer': (request) => callAsManager(api, session, 'sync:add-computer', request),
    'sync:cancel-pairing': (request) => callAsManager(api, session, 'sync:cancel-pairing', request),
    'sync:remove-computer': (request) => callAsManager(api, session, 'sync:remove-computer', request),
  };
}
