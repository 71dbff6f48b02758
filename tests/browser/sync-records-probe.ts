// A page that plays one computer's record sync beside the app, in the same browser context (so the
// same IndexedDB and the same window.api): the change log, pump, envelope and applier over the
// renderer's own transport, with no screens. The screens that set sync up (keys, pairing) come
// later; until then this page stands in for them. Bundled by tests/support/browser-bundle.ts and
// served at the app's origin under the app's CSP.
import '../../shared/zod-setup';
import { api } from './page-api';
import { base64UrlToBytes } from '../../shared/bytes';
import { fromSyncJson, toSyncJson } from '../../shared/sync/sync-json';
import {
  deriveSyncKeys,
  exportDevicePublicKey,
  generateDeviceKeyPair,
  type DeviceKeyPair,
  type SyncKeys,
} from '../../shared/sync/sync-envelope';
import type { IpcReply } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/ipc-result';
import type { ManagerRequest, SyncManagerChannel } from '../../shared/ipc/manager-request';
import { FamilyLinksDb } from '../../renderer/src/db/database';
import { unlockAccount } from '../../renderer/src/db/encryption/key-wrapping';
import { accountRepository } from '../../renderer/src/db/repositories/account-repository';
import { staffRepository } from '../../renderer/src/db/repositories/staff-repository';
import { callWithProofKey, openProofKey } from '../../renderer/src/security/manager-proof';
import { localOnlyTables } from '../../renderer/src/db/sync/change-log';
import { startChangeLog } from '../../renderer/src/db/sync/sync-device';
import { startRecordSync, type RecordSync } from '../../renderer/src/db/sync/record-sync';
import {
  openMirror,
  openRemote,
  startLiveSync,
  type LiveSync,
} from '../../renderer/src/platform/sync/replicator';

type ProbeGlobal = typeof globalThis & { familyLinksRecordsProbe?: RecordsProbe };
const page: ProbeGlobal = globalThis;

let db: FamilyLinksDb | undefined;
let keys: SyncKeys | undefined;
let device: (DeviceKeyPair & { deviceId: string }) | undefined;
let running: { records: RecordSync; live: LiveSync } | undefined;
const errors: string[] = [];

async function database(): Promise<FamilyLinksDb> {
  if (!db) {
    db = new FamilyLinksDb();
    await db.open();
  }
  return db;
}

const probe = {
  /** Every row of the home, as text: how the test gives a second computer the same home. */
  async dumpHome(): Promise<string> {
    const home = await database();
    const tables: Record<string, unknown[]> = {};
    for (const table of home.tables)
      if (!localOnlyTables.has(table.name) || table.name === 'accountKeys')
        tables[table.name] = (await table.toArray()) as unknown[];
    return JSON.stringify(toSyncJson(tables));
  },
  async loadHome(text: string): Promise<void> {
    const home = await database();
    const tables = fromSyncJson(JSON.parse(text)) as Record<string, unknown[]>;
    await home.transaction('rw', Object.keys(tables), async () => {
      for (const [name, rows] of Object.entries(tables)) await home.table(name).bulkPut(rows);
    });
  },
  /** Sets sync up on this computer; returns what the other computers need to know of it. */
  async setUp(homeSyncKey: string): Promise<{ deviceId: string; publicKey: string }> {
    const home = await database();
    const { deviceId } = await startChangeLog(home, new Date());
    keys = await deriveSyncKeys(base64UrlToBytes(homeSyncKey));
    device = { deviceId, ...(await generateDeviceKeyPair()) };
    return { deviceId, publicKey: await exportDevicePublicKey(device.publicKey) };
  },
  async addPeer(deviceId: string, publicKey: string): Promise<void> {
    await (await database()).syncPeers.put({ deviceId, publicKey });
  },
  async start(databaseName: string, mirrorName: string): Promise<void> {
    if (!keys || !device) throw new Error('setUp() first');
    const mirror = openMirror(mirrorName);
    const remote = openRemote(databaseName, (request) => api()['sync:http'](request));
    const live = startLiveSync(mirror, remote);
    const records = startRecordSync(await database(), mirror, keys, device, {
      onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
    });
    running = { records, live };
  },
  stop(): void {
    running?.records.stop();
    running?.live.cancel();
  },
  async problems(): Promise<{ reason: string; message: string; documentId: string }[]> {
    return (await (await database()).syncProblems.toArray()).map(({ reason, message, documentId }) => ({
      reason,
      message,
      documentId,
    }));
  },
  errors: (): string[] => [...errors],
  /**
   * One of the sync requests only the Registered Manager may make, with the proof the app makes:
   * their signing key opened here with their password (nobody is signed in, nothing is written),
   * signed over a challenge from this computer's main process.
   */
  async asManager<Channel extends SyncManagerChannel>(
    username: string,
    password: string,
    channel: Channel,
    request: ManagerRequest<Channel>,
  ): Promise<IpcResult<IpcReply<Channel>>> {
    const home = await database();
    const login = await staffRepository(home).findLogin(username);
    const record = login && (await accountRepository(home).keysOf(login.id));
    if (!record) throw new Error(`There is no account ${username} on this computer.`);
    const unlocked = await unlockAccount(record, password);
    if (!unlocked.ok) throw new Error(`The password does not open ${username}'s account.`);
    const { signing } = unlocked.value.secrets;
    const proofKey = signing && (await openProofKey(signing));
    if (!proofKey) throw new Error(`${username} has no signing key to prove anything with.`);
    return callWithProofKey(api(), proofKey, channel, request);
  },
};
export type RecordsProbe = typeof probe;
page.familyLinksRecordsProbe = probe;
