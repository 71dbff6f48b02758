import { IDBFactory } from 'fake-indexeddb';
import { expect } from 'vitest';
import { createSyncHandlers } from '../../../../electron/main/handlers/sync-handlers';
import type { FamilyLinksApi } from '../../../../shared/ipc/client';
import {
  addComputer,
  endorsePendingAdditions,
  joinHome,
  listComputers,
  removeComputer,
  setUpSync,
  type SyncManagerCalls,
} from '../../../../renderer/src/db/sync/pairing-flow';
import { keyRefresher, type KeyStanding } from '../../../../renderer/src/db/sync/home-keys';
import { createPendingAdditions } from '../../../../renderer/src/db/sync/pending-additions';
import { registryAwareMirror } from '../../../../renderer/src/db/sync/registry-feed';
import { applyIncoming } from '../../../../renderer/src/db/sync/sync-applier';
import { pumpChanges } from '../../../../renderer/src/db/sync/sync-pump';
import {
  connectSync,
  publishRegistry,
  remoteOf,
  startConnectionRecordSync,
  type SyncConnection,
} from '../../../../renderer/src/db/sync/sync-runner';
import type { Session } from '../../../../renderer/src/db/session';
import { openDeviceKeyStore } from '../../../../renderer/src/platform/sync/device-key-store';
import { openMirror, replicateOnce } from '../../../../renderer/src/platform/sync/replicator';
import { couchTestRig as startCouchTestRig } from '../../electron/services/sync/couch-test-rig';
import { managerCallsTo } from './paired-computer';
import { databasesClosedAfterEach, freshDatabase } from './test-database';
import { standInAccountKeys, testSession } from './test-session';

/**
 * Computers of one home against the CouchDB-protocol test server, for the joining and leaving
 * tests: each with its own records, device keys, mirror and main process.
 */

type Rig = ReturnType<typeof startCouchTestRig>;
type Closable = { close(): void };

/**
 * For one test file: the test server (its folders named from `folderPrefix`), the computers of one
 * home on it, closed after each test, and the moment they all take as now.
 */
export function syncHomeOnTestServer(folderPrefix: string) {
  const rig = startCouchTestRig(folderPrefix);
  const now = new Date();
  const home = syncComputersOf(rig, databasesClosedAfterEach(), now);
  return { rig, now, home };
}

function syncComputersOf(rig: Rig, opened: Closable[], now: Date) {
  const { couch, server, syncService } = rig;
  /** Each connection's computer's manager requests (`managerCallsTo` its own sync service). */
  const managerCalls = new WeakMap<SyncConnection, SyncManagerCalls>();
  const callsOf = (connection: SyncConnection) => {
    const calls = managerCalls.get(connection);
    if (!calls) throw new Error('That connection was not made by this rig');
    return calls;
  };

  async function computer(name: string) {
    const { sync, proofs, homeAuthority } = await syncService();
    const api = createSyncHandlers(sync, proofs, homeAuthority) as unknown as FamilyLinksApi;
    const db = freshDatabase({ name });
    opened.push(db);
    const store = openDeviceKeyStore(new IDBFactory());
    opened.push({ close: () => store.close() });
    // One mirror a computer, as the app keeps one for the home's database: its applier's
    // checkpoint is a place in that mirror's changes.
    const mirror = openMirror(`${name}-${crypto.randomUUID()}`);
    const mirrorOf = () => mirror;
    return { db, api, calls: managerCallsTo(sync), store, mirrorOf };
  }
  type Computer = Awaited<ReturnType<typeof computer>>;

  async function connect(one: Computer): Promise<SyncConnection> {
    const connection = await connectSync(one.db, one.api, one.store, one.mirrorOf);
    if (!connection) throw new Error('Not connected');
    managerCalls.set(connection, one.calls);
    return connection;
  }

  /** One run of sync by hand: registry and changes to the server, and everything back. */
  async function exchange(connection: SyncConnection): Promise<void> {
    await publishRegistry(connection);
    await keyRefresher(connection)();
    await pumpChanges(connection.db, connection.mirror, connection.keys, connection.home.device);
    await replicateOnce(connection.mirror, remoteOf(connection));
    await replicateOnce(remoteOf(connection), connection.mirror);
    await keyRefresher(connection)();
  }

  /** What the mirror holds put in place, as the app's record sync does. */
  async function apply(connection: SyncConnection): Promise<void> {
    const feed = registryAwareMirror(connection.db, connection.mirror, connection.home);
    await feed.prepare();
    await applyIncoming(connection.db, feed, connection.keys);
  }

  /** The home's first computer, set up by the manager. */
  async function firstComputer(manager: Session, name: string) {
    const one = await computer(name);
    await one.db.accountKeys.put(standInAccountKeys(manager.staff.id));
    const input = { server: server(), admin: couch().admin, createDatabase: true, name };
    expect(await setUpSync(one.db, one.calls, one.store, manager, input, now)).toMatchObject({ ok: true });
    const connection = await connect(one);
    await exchange(connection);
    return { ...one, connection };
  }

  /** A registered manager, and the home's first computer, the office, which they set up. */
  async function managerAtTheOffice() {
    const manager = await testSession(['registeredManager']);
    const office = await firstComputer(manager, 'Office');
    return { manager, office };
  }

  /**
   * A computer added from `issuer` with a code, joined and endorsed, then switched off before its
   * first pass: the rest of the home has not seen its exchange key.
   */
  async function joinedComputer(issuer: SyncConnection, manager: Session, name: string) {
    return (await codeFor(issuer, manager, name)).join();
  }

  /**
   * The manager makes a pairing code for a computer on `issuer`; `join` later has the computer
   * join with it and `issuer` endorse it (then switched off before its first pass).
   */
  async function codeFor(issuer: SyncConnection, manager: Session, name: string) {
    const issued = await addComputer(issuer, callsOf(issuer), manager, rig.addition(name), now);
    if (!issued.ok) throw new Error(issued.error.message);
    const pending = createPendingAdditions();
    pending.add(issued.value);
    return { join: () => joinWithCode(issuer, manager, name, issued.value, pending) };
  }

  async function joinWithCode(
    issuer: SyncConnection,
    manager: Session,
    name: string,
    issued: { readonly text: string },
    pending: ReturnType<typeof createPendingAdditions>,
  ) {
    const one = await computer(name);
    const joined = await joinHome(
      one.db,
      one.api,
      one.store,
      { server: server(), codeText: issued.text },
      () => undefined,
      now,
      one.mirrorOf,
    );
    if (!joined.ok) throw new Error(joined.error.message);
    await endorsePendingAdditions(issuer, callsOf(issuer), manager, pending, now);
    expect(pending.list()).toMatchObject([{ state: 'joined' }]);
    await exchange(issuer);
    return one;
  }

  /** A computer added from `issuer` with a code, joined and endorsed, and its first pass run. */
  async function addedComputer(issuer: SyncConnection, manager: Session, name: string) {
    const one = await joinedComputer(issuer, manager, name);
    const connection = await connect(one);
    await exchange(connection);
    return { ...one, connection };
  }

  /** One pass of the app's record sync (not its live replication), with what it says of the keys. */
  async function pass(connection: SyncConnection): Promise<{ applied: number; standing?: KeyStanding }> {
    let standing: KeyStanding | undefined;
    const records = startConnectionRecordSync(connection, {
      onKeyStanding: (said) => (standing = said),
    });
    records.stop();
    const { applied } = await records.runOnce();
    return standing ? { applied, standing } : { applied };
  }

  /** The computer of that name as the Computers screen lists it on `connection`'s computer. */
  async function listedComputer(connection: SyncConnection, name: string) {
    const device = (await listComputers(connection)).find((one) => one.name === name);
    if (!device) throw new Error(`${name} is not listed`);
    return device;
  }

  /** The manager removes the computer of that name on the Computers screen of `connection`'s. */
  async function remove(connection: SyncConnection, manager: Session, name: string) {
    const device = await listedComputer(connection, name);
    return removeComputer(connection, callsOf(connection), manager, couch().admin, device, now);
  }

  return {
    computer,
    connect,
    exchange,
    apply,
    pass,
    firstComputer,
    codeFor,
    joinedComputer,
    addedComputer,
    listedComputer,
    managerAtTheOffice,
    remove,
  };
}
