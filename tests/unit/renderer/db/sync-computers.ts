import { afterEach } from 'vitest';
import {
  deriveSyncKeys,
  exportDevicePublicKey,
  generateDeviceKeyPair,
  type Envelope,
  type SyncKeys,
} from '../../../../shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import type { Session } from '../../../../renderer/src/db/session';
import { startChangeLog } from '../../../../renderer/src/db/sync/sync-device';
import { pumpChanges } from '../../../../renderer/src/db/sync/sync-pump';
import { applyIncoming } from '../../../../renderer/src/db/sync/sync-applier';
import type { MirrorReader } from '../../../../renderer/src/db/sync/sync-applier';
import type { MirrorWriter } from '../../../../renderer/src/db/sync/sync-pump';
import { openMirror } from '../../../../renderer/src/platform/sync/replicator';
import { restrictionRepository } from '../../../../renderer/src/db/repositories/restriction-repository';
import { homeSettingsRepository } from '../../../../renderer/src/db/repositories/home-settings-repository';
import { syncConflictRepository } from '../../../../renderer/src/db/repositories/sync-conflict-repository';
import { okValue } from '../ok-value';
import { dawnMorris, freshDatabase, signInVisitor } from './test-database';
import { testSession } from './test-session';
import { buildCourtOrderEntry } from '../../../factories';

/**
 * Two computers of one home, each with its own IndexedDB and its own PouchDB mirror, the mirrors
 * replicated to each other as live sync would through the server.
 */

export type MirrorDb = MirrorReader &
  MirrorWriter & {
    get(id: string): Promise<Envelope & { _rev: string }>;
    put(doc: object): Promise<{ rev: string }>;
    replicate: { to(target: MirrorDb): Promise<unknown> };
    destroy(): Promise<unknown>;
  };

// The app's own mirror (PouchDB over IndexedDB, here fake-indexeddb), which the pump and the
// applier take as it is; the test also reaches into it as the server would.
function newMirror(name: string): MirrorDb {
  const mirror: MirrorReader & MirrorWriter = openMirror(`${name}-${crypto.randomUUID()}`);
  return mirror as MirrorDb;
}

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

export type Computer = {
  readonly db: FamilyLinksDb;
  readonly mirror: MirrorDb;
  readonly device: { deviceId: string; privateKey: CryptoKey; publicKey: CryptoKey };
  readonly session: Session;
};

type Role = NonNullable<Parameters<typeof testSession>[0]>[number];

async function computer(name: string, home: Session, role: Role): Promise<Computer> {
  const db = freshDatabase({ name });
  opened.push(db);
  const { deviceId } = await startChangeLog(db, new Date());
  const session = await testSession([role], {
    dataKey: home.dataKey,
    auditKey: home.auditKey,
    compartments: home.compartments,
  });
  return { db, mirror: newMirror(name), device: { deviceId, ...(await generateDeviceKeyPair()) }, session };
}

/** Each computer knows the other's public key (the device registry's job, later). */
async function introduce(a: Computer, b: Computer) {
  await a.db.syncPeers.put({
    deviceId: b.device.deviceId,
    publicKey: await exportDevicePublicKey(b.device.publicKey),
  });
  await b.db.syncPeers.put({
    deviceId: a.device.deviceId,
    publicKey: await exportDevicePublicKey(a.device.publicKey),
  });
}

/** Two computers of one home, each with someone signed in (a care worker unless said). */
export async function twoComputers(role: Role = 'careStaff') {
  const home = await testSession(['registeredManager']);
  const keys = await deriveSyncKeys(crypto.getRandomValues(new Uint8Array(32)));
  const frontDesk = await computer('front-desk', home, role);
  const office = await computer('office', home, role);
  await introduce(frontDesk, office);
  return { keys, frontDesk, office };
}

/** Pumps one computer's change log into its mirror and replicates that to the other's, as the server would. */
export async function send(from: Computer, to: Computer, keys: SyncKeys): Promise<number> {
  const sent = await pumpChanges(from.db, from.mirror, keys, from.device);
  await from.mirror.replicate.to(to.mirror);
  return sent;
}

/** Both computers send what they logged and apply what the other sent. */
export async function exchange(a: Computer, b: Computer, keys: SyncKeys): Promise<void> {
  await send(a, b, keys);
  await send(b, a, keys);
  await applyIncoming(a.db, a.mirror, keys);
  await applyIncoming(b.db, b.mirror, keys);
}

/** A court order's supervised-contact restriction, as the conflict tests record it. */
export const courtOrder = buildCourtOrderEntry({
  kind: 'supervisedOnly',
  conditions: 'In the family room with a member of staff.',
});

/** The day the conflict tests change the court order on, apart. */
export const courtOrderChangedOn = '2026-12-05';

/** Two computers with a manager signed in at each, both holding the court order the front desk recorded. */
export async function courtOrderOnBoth() {
  const { keys, frontDesk, office } = await twoComputers('registeredManager');
  const recorded = await restrictionRepository(frontDesk.db).record(frontDesk.session, courtOrder);
  if (!recorded.ok) throw new Error(recorded.error.message);
  await exchange(frontDesk, office, keys);
  return { keys, frontDesk, office, id: recorded.value.id };
}

/** Changes the court order's `terms` at one computer only, from `courtOrderChangedOn`. */
export async function changeCourtOrderAt(at: Computer, id: string, terms: object): Promise<void> {
  const changed = await restrictionRepository(at.db).change(
    at.session,
    id,
    { ...courtOrder, effectiveFrom: courtOrderChangedOn, ...terms },
    courtOrderChangedOn,
  );
  if (!changed.ok) throw new Error(changed.error.message);
}

/** Signs a visitor in at one computer's door (a clear check), as the journeys between computers do. */
export function signInVisitorAt(at: Computer, name = dawnMorris.visitorName) {
  return signInVisitor(at.db, at.session, name);
}

/** The home the two computers' settings tests name. */
export const oakHouse = { name: 'Oak House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' };

/**
 * The manager names the home on the front desk, both computers exchange, then she renames it on
 * both at once ("Oak Lodge" at the front desk, "Oak House School" in the office) and they exchange
 * again: a conflict on each, waiting for her.
 */
export async function homeRenamedOnBoth() {
  const computers = await twoComputers('registeredManager');
  const { keys, frontDesk, office } = computers;
  okValue(await homeSettingsRepository(frontDesk.db).save(frontDesk.session, oakHouse));
  await exchange(frontDesk, office, keys);
  okValue(
    await homeSettingsRepository(frontDesk.db).save(frontDesk.session, { ...oakHouse, name: 'Oak Lodge' }),
  );
  okValue(
    await homeSettingsRepository(office.db).save(office.session, { ...oakHouse, name: 'Oak House School' }),
  );
  await exchange(frontDesk, office, keys);
  return computers;
}

/** The manager, at `at`, keeps the version of the one open conflict that the other computer made. */
export async function keepOtherComputersVersion(at: Computer): Promise<void> {
  const conflicts = syncConflictRepository(at.db);
  const [listed] = await conflicts.listForManager(at.session);
  const fromThere = listed?.versions.find((version) => !version.madeHere);
  if (!listed || !fromThere) throw new Error('no conflict listed');
  okValue(await conflicts.keep(at.session, listed.id, fromThere.version));
}
