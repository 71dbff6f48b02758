import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncHandlers } from '../../../../../electron/main/handlers/sync-handlers';
import type { FamilyLinksApi } from '../../../../../shared/ipc/client';
import { derivePairingKeys } from '../../../../../shared/sync/pairing-keys';
import { parsePairingCode } from '../../../../../shared/sync/pairing-code';
import { issuedComputers } from '../../../../../renderer/src/db/sync/issued-codes';
import {
  addComputer,
  endAddition,
  endorsePendingAdditions,
  setUpSync,
} from '../../../../../renderer/src/db/sync/pairing-flow';
import { createPendingAdditions } from '../../../../../renderer/src/db/sync/pending-additions';
import { connectSync } from '../../../../../renderer/src/db/sync/sync-runner';
import { openDeviceKeyStore } from '../../../../../renderer/src/platform/sync/device-key-store';
import { openMirror } from '../../../../../renderer/src/platform/sync/replicator';
import { couchTestRig, homeDatabase } from '../../../electron/services/sync/couch-test-rig';
import { managerCallsTo } from '../paired-computer';
import { databasesClosedAfterEach, freshDatabase } from '../test-database';
import { standInAccountKeys, testSession } from '../test-session';

/**
 * A code's server user that never becomes a computer of the home: shut out when its code is
 * cancelled or expires, and taken off the server with its membership when the next code is made.
 */

const { couch, server, syncService, addition } = couchTestRig('family-links-stale-users-');
const opened = databasesClosedAfterEach();
const now = new Date();

async function members(): Promise<string[]> {
  const reply = await couch().call('GET', `/${homeDatabase}/_security`);
  return (reply.body as { members: { names: string[] } }).members.names;
}

async function userExists(name: string): Promise<boolean> {
  return (await couch().call('GET', `/_users/org.couchdb.user:${name}`)).status === 200;
}

const actions = async (db: { audit: { toArray(): Promise<{ action: string }[]> } }) =>
  (await db.audit.toArray()).map((entry) => entry.action);

describe('server users of codes whose computer never joined', () => {
  it('are shut out when cancelled or expired and taken away by the next code', async () => {
    const { sync, proofs, homeAuthority } = await syncService();
    const api = createSyncHandlers(sync, proofs, homeAuthority) as unknown as FamilyLinksApi;
    const calls = managerCallsTo(sync);
    const db = freshDatabase({ name: 'office-stale' });
    opened.push(db);
    const store = openDeviceKeyStore(new IDBFactory());
    opened.push({ close: () => store.close() } as never);
    const manager = await testSession(['registeredManager']);
    await db.accountKeys.put(standInAccountKeys(manager.staff.id));
    const input = { server: server(), admin: couch().admin, createDatabase: true, name: 'Office' };
    expect(await setUpSync(db, calls, store, manager, input, now)).toMatchObject({ ok: true });
    const office = await connectSync(db, api, store, () => openMirror(`office-stale-${crypto.randomUUID()}`));
    if (!office) throw new Error('The office is not connected');

    // Cancelled before anyone used it: the pairing is gone and the code's password no longer signs in.
    const cancelled = await addComputer(office, calls, manager, addition('Front desk'), now);
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    expect(await members()).toContain(cancelled.value.computerUser);
    expect(await endAddition(office, calls, manager, cancelled.value, 'cancelled', now)).toEqual({
      ok: true,
      value: { disabledUser: true },
    });
    const codeSignIn = { name: cancelled.value.computerUser, password: cancelled.value.keys.joinPassword };
    expect((await couch().call('GET', `/${homeDatabase}/`, undefined, codeSignIn)).status).toBe(401);
    expect(await actions(db)).toContain('sync.code-cancelled');

    // Collected by a computer that never finished (half-joined): its user has a password only that
    // computer knows, so it stays until the manager makes a new code for the same name.
    const halfJoined = await addComputer(office, calls, manager, addition('Staff room'), now);
    if (!halfJoined.ok) throw new Error(halfJoined.error.message);
    // The next code, whatever its name, takes the cancelled code's user off the server.
    expect(halfJoined.value.removedUsers).toEqual([cancelled.value.computerUser]);
    expect(await members()).not.toContain(cancelled.value.computerUser);
    expect(await userExists(cancelled.value.computerUser)).toBe(false);
    const parsed = parsePairingCode(halfJoined.value.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const keys = await derivePairingKeys(parsed.code, homeDatabase);
    const otherMain = await syncService();
    const other = createSyncHandlers(
      otherMain.sync,
      otherMain.proofs,
      otherMain.homeAuthority,
    ) as unknown as FamilyLinksApi;
    const join = { server: server(), pairingId: parsed.code.pairingId, joinPassword: keys.joinPassword };
    expect(await other['sync:fetch-pairing'](join)).toMatchObject({ ok: true, value: { outcome: 'done' } });
    expect(await other['sync:complete-join'](join)).toMatchObject({ ok: true, value: { outcome: 'done' } });
    expect(await other['sync:http']({ method: 'GET', path: '/', query: '' })).toMatchObject({
      value: { outcome: 'reply', status: 200 },
    });

    // A third code, for somewhere else, is left alone by a new code for the staff room.
    const kitchen = await addComputer(office, calls, manager, addition('Kitchen'), now);
    if (!kitchen.ok) throw new Error(kitchen.error.message);

    const again = await addComputer(office, calls, manager, addition('staff room '), now);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.removedUsers).toEqual([halfJoined.value.computerUser]);
    const left = await members();
    expect(left).not.toContain(halfJoined.value.computerUser);
    expect(left).toContain(kitchen.value.computerUser);
    expect(left).toContain(again.value.computerUser);
    expect(await userExists(halfJoined.value.computerUser)).toBe(false);
    // The half-joined computer is refused from its next request.
    expect(await other['sync:http']({ method: 'GET', path: '/', query: '' })).toMatchObject({
      value: { outcome: 'reply', status: 401 },
    });
    expect((await actions(db)).filter((action) => action === 'sync.stale-user-removed')).toHaveLength(2);
    expect((await issuedComputers(db)).map((one) => one.name).sort()).toEqual(['Kitchen', 'staff room']);

    // Expired while waiting: ended on the server like a cancelled one, then taken by the next code.
    const pending = createPendingAdditions();
    pending.add(kitchen.value);
    const afterExpiry = new Date(new Date(kitchen.value.expiresAt).getTime() + 1000);
    await endorsePendingAdditions(office, calls, manager, pending, afterExpiry);
    expect(pending.list()).toMatchObject([{ state: 'expired' }]);
    expect(await actions(db)).toContain('sync.code-expired');
    const kitchenSignIn = { name: kitchen.value.computerUser, password: kitchen.value.keys.joinPassword };
    expect((await couch().call('GET', `/${homeDatabase}/`, undefined, kitchenSignIn)).status).toBe(401);
    const next = await addComputer(office, calls, manager, addition('Hall'), now);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.removedUsers).toEqual([kitchen.value.computerUser]);
    expect(await members()).not.toContain(kitchen.value.computerUser);
    // The staff room's newest code is still waiting: it stays.
    expect(await members()).toContain(again.value.computerUser);
  }, 90_000);
});
