import { accountKeysSchema, type AccountKeys } from '@shared/schemas/keyring';
import { base64UrlToBytes, bytesToBase64Url } from '@shared/bytes';
import {
  deviceKeyDigest,
  endorseDevice,
  resolveRegistry,
  type DeviceDocument,
  type Registry,
  type RevocationDocument,
} from '@shared/sync/device-registry';
import type { PairingBundle } from '@shared/sync/pairing-envelope';
import type { ExchangeKeyDocument, KeyGrantDocument, RekeyDocument } from '@shared/sync/rekey';
import type { FamilyLinksDb } from '../database';
import { startChangeLog, thisDevice } from './sync-device';
import { stateKeys, stateOf } from './sync-joining';

/**
 * This computer's place in the home's sync (docs/sync-design.md, "Keys"): the home's sync key `K`
 * kept wrapped, the home's id, the root of the device registry, the registry documents this
 * computer signed (published to the mirror at every start until the server has them), and the
 * registry as last worked out, whose computers are the `syncPeers` the applier checks signatures
 * against. The keys themselves are in the device key store (`platform/sync/device-key-store.ts`).
 */

/** The keys this needs from the device key store. */
export type DeviceKeys = {
  readonly deviceId: string;
  readonly privateKey: CryptoKey;
  readonly publicKeyText: string;
  readonly wrappingKey: CryptoKey;
};
export type DeviceKeySource = { keysFor(deviceId: string): Promise<DeviceKeys> };

export type SyncHome = {
  readonly deviceId: string;
  readonly homeId: string;
  readonly rootDeviceKey: string;
  readonly homeSyncKey: Uint8Array<ArrayBuffer>;
  readonly device: DeviceKeys;
};

type WrappedSyncKey = { readonly iv: Uint8Array<ArrayBuffer>; readonly data: ArrayBuffer };

const wrapContext = (deviceId: string) => new TextEncoder().encode(`home-sync-key:${deviceId}`);

async function wrapSyncKey(device: DeviceKeys, key: Uint8Array<ArrayBuffer>): Promise<WrappedSyncKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapContext(device.deviceId) },
    device.wrappingKey,
    key,
  );
  return { iv, data };
}

async function unwrapSyncKey(device: DeviceKeys, wrapped: WrappedSyncKey): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: wrapped.iv, additionalData: wrapContext(device.deviceId) },
    device.wrappingKey,
    wrapped.data,
  );
  return new Uint8Array(plain);
}

/** The sync key as text for a pairing bundle: the only time `K` leaves this computer, sealed under a code. */
export const syncKeyText = (home: SyncHome): string => bytesToBase64Url(home.homeSyncKey);

/** This computer's sync home, once set up or joined here; undefined before, or if its keys are gone. */
export async function loadSyncHome(db: FamilyLinksDb, store: DeviceKeySource): Promise<SyncHome | undefined> {
  const device = await thisDevice(db);
  const [wrapped, homeId, root] = await Promise.all([
    stateOf(db, stateKeys.homeSyncKey),
    stateOf(db, stateKeys.homeId),
    stateOf(db, stateKeys.registryRoot),
  ]);
  if (!device || !wrapped || typeof homeId !== 'string' || typeof root !== 'string') return undefined;
  const keys = await store.keysFor(device.deviceId);
  try {
    const homeSyncKey = await unwrapSyncKey(keys, wrapped as WrappedSyncKey);
    return { deviceId: device.deviceId, homeId, rootDeviceKey: root, homeSyncKey, device: keys };
  } catch {
    // The device key store was cleared (another browser profile, a restored backup): this
    // computer has to join the home again.
    return undefined;
  }
}

async function keep(
  db: FamilyLinksDb,
  device: DeviceKeys,
  homeSyncKey: Uint8Array<ArrayBuffer>,
  homeId: string,
  rootDeviceKey: string,
  signed: readonly DeviceDocument[],
  joining: boolean,
): Promise<SyncHome> {
  const wrapped = await wrapSyncKey(device, homeSyncKey);
  await db.transaction('rw', db.syncState, db.syncPeers, async () => {
    await db.syncState.bulkPut([
      { key: stateKeys.homeSyncKey, value: wrapped },
      { key: stateKeys.homeId, value: homeId },
      { key: stateKeys.registryRoot, value: rootDeviceKey },
      { key: stateKeys.signed, value: signed },
      ...(joining ? [{ key: stateKeys.joining, value: true }] : []),
    ]);
    await db.syncPeers.put({ deviceId: device.deviceId, publicKey: device.publicKeyText });
  });
  return { deviceId: device.deviceId, homeId, rootDeviceKey, homeSyncKey, device };
}

/**
 * The home's first computer: the change log starts with every record there is (so a new computer
 * can pull the whole home), a new `K` is made, and this computer signs its own registry document
 * as the root. Set up once: a second call gives the same home.
 */
export async function setUpFirstComputer(
  db: FamilyLinksDb,
  store: DeviceKeySource,
  computerUser: string,
  now: Date,
  name?: string,
): Promise<SyncHome> {
  const already = await loadSyncHome(db, store);
  if (already) return already;
  const { deviceId } = await startChangeLog(db, now);
  const device = await store.keysFor(deviceId);
  const root = await endorseDevice(
    device,
    { deviceId, publicKey: device.publicKeyText, computerUser, name },
    now,
  );
  const homeSyncKey = crypto.getRandomValues(new Uint8Array(32));
  return keep(
    db,
    device,
    homeSyncKey,
    crypto.randomUUID(),
    await deviceKeyDigest(device.publicKeyText),
    [root],
    false,
  );
}

/** A computer joining the home from its pairing bundle: it pulls the home before anyone signs in. */
export async function joinSyncHome(
  db: FamilyLinksDb,
  store: DeviceKeySource,
  bundle: Exclude<PairingBundle, { v: 1 }>,
  now: Date,
): Promise<SyncHome> {
  const { deviceId } = await startChangeLog(db, now);
  const device = await store.keysFor(deviceId);
  return keep(db, device, base64UrlToBytes(bundle.syncKey), bundle.homeId, bundle.rootDeviceKey, [], true);
}

export type SignedRegistryDocument =
  DeviceDocument | RevocationDocument | ExchangeKeyDocument | RekeyDocument | KeyGrantDocument;

/** Registry documents this computer signed, to put in the mirror until the server has them. */
export async function signedRegistryDocuments(db: FamilyLinksDb): Promise<SignedRegistryDocument[]> {
  const value = await stateOf(db, stateKeys.signed);
  return Array.isArray(value) ? (value as SignedRegistryDocument[]) : [];
}

export async function keepSignedRegistryDocument(
  db: FamilyLinksDb,
  document: SignedRegistryDocument,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const kept = (await signedRegistryDocuments(db)).filter((doc) => doc._id !== document._id);
    await db.syncState.put({ key: stateKeys.signed, value: [...kept, document] });
  });
}

/**
 * Works the registry out again from every registry document there is and makes its computers the
 * applier's `syncPeers`, with the names the screens call them by; a computer that dropped out (its
 * endorsement refused) leaves them. Removed computers stay, with where their removal starts, for
 * `refusedAfterRemoval`.
 */
export async function refreshPeers(
  db: FamilyLinksDb,
  home: SyncHome,
  documents: readonly unknown[],
): Promise<Registry> {
  const registry = await resolveRegistry(home.rootDeviceKey, documents);
  const removedFrom: Record<string, number> = {};
  for (const device of registry.devices.values())
    if (device.removedFromSeq !== undefined) removedFrom[device.deviceId] = device.removedFromSeq;
  await db.transaction('rw', db.syncPeers, db.syncState, async () => {
    const keep = new Set([...registry.devices.keys(), home.deviceId]);
    const gone = (await db.syncPeers.toCollection().primaryKeys()).filter((id) => !keep.has(id));
    await db.syncPeers.bulkDelete(gone);
    await db.syncPeers.bulkPut(
      [...registry.devices.values()].map(({ deviceId, publicKey, name }) => ({
        deviceId,
        publicKey,
        ...(name === undefined ? {} : { name }),
      })),
    );
    await db.syncState.put({ key: stateKeys.removedFrom, value: removedFrom });
  });
  return registry;
}

/** Where each removed computer's refused changes start, as `refreshPeers` last found. */
export async function removedComputers(db: FamilyLinksDb): Promise<Readonly<Record<string, number>>> {
  const value = await stateOf(db, stateKeys.removedFrom);
  return typeof value === 'object' && value !== null ? (value as Record<string, number>) : {};
}

/**
 * The staff accounts for a joining computer, without this computer's sign-in state: failed
 * attempts and a lock-out are this computer's own.
 */
export async function accountsForPairing(db: FamilyLinksDb): Promise<AccountKeys[]> {
  return (await db.accountKeys.toArray()).map(({ lockedUntil: _lockedUntil, ...account }) => ({
    ...account,
    failedAttempts: [],
  }));
}

/** Takes the accounts a pairing brought, each checked; an account already here is left as it is. */
export async function importPairedAccounts(db: FamilyLinksDb, accounts: readonly unknown[]): Promise<number> {
  const parsed = accounts.flatMap((account) => {
    const checked = accountKeysSchema.safeParse(account);
    return checked.success ? [checked.data] : [];
  });
  return db.transaction('rw', db.accountKeys, async () => {
    const present = new Set(await db.accountKeys.toCollection().primaryKeys());
    const fresh = parsed.filter((account) => !present.has(account.staffId));
    await db.accountKeys.bulkAdd(fresh);
    return fresh.length;
  });
}
