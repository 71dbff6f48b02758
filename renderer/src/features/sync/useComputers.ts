import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SyncStatus } from '@shared/ipc/channels/sync';
import { ok, type Result } from '@shared/result';
import type { RegisteredDevice } from '@shared/sync/device-registry';
import type { ServerAdmin, SyncServer } from '@shared/sync/sync-settings';
import { useAppSync } from '../../db/sync/sync-context';
import {
  addComputer,
  endAddition,
  listComputers,
  removeComputer,
  setUpSync,
} from '../../db/sync/pairing-flow';
import { belongsToHome } from '../../db/sync/place-in-home';
import { watchRegistry } from '../../db/sync/registry-feed';
import { useDatabase } from '../../db/useDatabase';
import { openDeviceKeyStore } from '../../platform/sync/device-key-store';
import { windowApi } from '../../platform/window-api';
import { sharedHomeAuthority } from '../../security/home-authority-check';
import { useSession } from '../../security/session-context';
import { syncManagerCallsAs } from '../../security/sync-manager-calls';

export type { PendingAddition } from '../../db/sync/pending-additions';
export type { RegisteredDevice } from '@shared/sync/device-registry';

/**
 * The home's computers for the manager's Computers screen: this computer's sync status, the
 * computers the registry knows (read again after each change, made here or on another computer),
 * and setting up, adding (a code; the app endorses the computer when it joins, whatever screen is
 * open then) and removing, with the additions still pending. Undefined without a bridge to the
 * main process.
 */
export function useComputers() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  // Setting up, adding, cancelling and removing go with the manager's proof (the main process
  // checks it); the session's key makes it.
  const calls = useMemo(() => api && syncManagerCallsAs(api, session), [api, session]);
  const { sync, restart, pending } = useAppSync();
  const additions = useSyncExternalStore(pending.subscribe, pending.list);
  const connection = sync?.connection;
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [computers, setComputers] = useState<readonly RegisteredDevice[] | undefined>();
  const [isInHome, setIsInHome] = useState(false);
  const [reads, setReads] = useState(0);
  const reload = useCallback(() => setReads((count) => count + 1), []);

  useEffect(() => {
    if (!api) return undefined;
    let isLive = true;
    void (async () => {
      const reply = await api['sync:get-status']({});
      const listed = connection ? await listComputers(connection) : undefined;
      // Not connected, but one of a home's computers already: its settings were lost.
      const inHome = reply.ok && !reply.value.configured && (await homeHere());
      if (!isLive) return;
      if (reply.ok) setStatus(reply.value);
      setComputers(listed);
      setIsInHome(inHome);
    })();
    return () => {
      isLive = false;
    };
    async function homeHere() {
      const store = sync?.store ?? openDeviceKeyStore();
      try {
        return await belongsToHome(db, store);
      } finally {
        if (!sync) store.close();
      }
    }
    // A computer that joined is listed: read the registry again when an addition changes.
  }, [api, connection, reads, additions, db, sync]);

  // Another computer's change to the registry (a computer removed there) is listed here too.
  useEffect(() => (connection ? watchRegistry(connection.mirror, reload) : undefined), [connection, reload]);

  return useMemo(
    () =>
      api &&
      calls && {
        status,
        /** This computer belongs to a home already: setting up connects it again in its place. */
        isInHome,
        computers,
        thisDeviceId: connection?.home.deviceId,
        additions,
        reload,
        async setUp(input: {
          server: SyncServer;
          admin: ServerAdmin;
          createDatabase: boolean;
          name: string;
        }) {
          // Before sync runs there is no store open: open one for the set-up alone.
          const store = sync?.store ?? openDeviceKeyStore();
          try {
            const done = await setUpSync(db, calls, store, session, input, new Date());
            if (done.ok) restart();
            return done;
          } finally {
            if (!sync) store.close();
          }
        },
        async add(input: { admin: ServerAdmin; name: string }) {
          if (!connection) return undefined;
          const homeAuthority = await sharedHomeAuthority(session);
          if (!homeAuthority.ok) return homeAuthority;
          const issued = await addComputer(
            connection,
            calls,
            session,
            { ...input, homeAuthorityPem: homeAuthority.value },
            new Date(),
          );
          if (issued.ok) {
            // An earlier code for the same name is gone from the server: its panel goes too.
            for (const addition of pending.list())
              if (issued.value.removedUsers.includes(addition.issued.computerUser))
                pending.drop(addition.issued.pairingId);
            pending.add(issued.value);
          }
          return issued;
        },
        /**
         * Cancel a waiting addition (its code ended on the server), or done with a joined or expired
         * one. A cancel the server or the main process refuses leaves the addition listed: its code
         * still works, and a panel that went away would say it did not.
         */
        async drop(pairingId: string): Promise<Result<void>> {
          const addition = pending.list().find((one) => one.issued.pairingId === pairingId);
          if (addition?.state === 'waiting' && connection) {
            const ended = await endAddition(
              connection,
              calls,
              session,
              addition.issued,
              'cancelled',
              new Date(),
            );
            if (!ended.ok) return ended;
          }
          pending.drop(pairingId);
          return ok(undefined);
        },
        async remove(device: RegisteredDevice, admin: ServerAdmin) {
          if (!connection) return undefined;
          const removed = await removeComputer(connection, calls, session, admin, device, new Date());
          reload();
          return removed;
        },
      },
    [
      api,
      calls,
      status,
      isInHome,
      computers,
      connection,
      reload,
      sync,
      db,
      session,
      restart,
      pending,
      additions,
    ],
  );
}
