import type { FamilyLinksApi } from '@shared/ipc/client';
import type { SyncStatus } from '@shared/ipc/channels/sync';
import type { IpcReply } from '@shared/ipc/contract';
import type { IpcResult } from '@shared/ipc/ipc-result';
import type { ManagerRequest, SyncManagerChannel } from '@shared/ipc/manager-request';
import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import {
  computerNameSchema,
  endorseDevice,
  revokeDevice,
  type RegisteredDevice,
} from '@shared/sync/device-registry';
import { checkJoinRequest, joinRequestId, makeJoinRequest } from '@shared/sync/join-request';
import { formatPairingCode, generatePairingCode, parsePairingCode } from '@shared/sync/pairing-code';
import { openPairing, pairingBundleVersion, sealPairing } from '@shared/sync/pairing-envelope';
import { keyringDocumentId, openKeyring, sealKeyring } from '@shared/sync/pairing-keyring';
import { derivePairingKeys, type PairingKeys } from '@shared/sync/pairing-keys';
import type { ServerAdmin, SyncServer } from '@shared/sync/sync-settings';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { auditLog, type AuditEventInput } from '../repositories/audit-log-repository';
import { forgetIssued, issuedComputers, markEnded, noteIssued, staleUsers } from './issued-codes';
import { keyRefresher, newestSyncKey, rotateSyncKey } from './home-keys';
import type { PendingAdditions } from './pending-additions';
import { applyIncoming, seenVector } from './sync-applier';
import { knownRegistryDocuments, registryAwareMirror } from './registry-feed';
import {
  accountsForPairing,
  importPairedAccounts,
  joinSyncHome,
  keepSignedRegistryDocument,
  refreshPeers,
  setUpFirstComputer,
  signedRegistryDocuments,
} from './sync-home';
import { finishJoining } from './sync-joining';
import { placeInHome } from './place-in-home';
import { bytesToBase64Url } from '@shared/bytes';
import type { DeviceKeyStore } from '../../platform/sync/device-key-store';
import { pullWhileJoining } from '../../platform/sync/replicator';
import {
  connectSync,
  publishRegistry,
  remoteOf,
  type MirrorOpener,
  type SyncConnection,
} from './sync-runner';

/**
 * The renderer's half of joining and leaving (docs/sync-design.md, "Keys"; the main process keeps
 * the server's address and each computer's server password): setting sync up on the home's first
 * computer, adding a computer with a one-time code, a new computer joining with it and pulling the
 * home, and removing a computer. Each step says what went wrong in words for the manager, and each
 * is audited (DESIGN rule 10): which computers hold the home's records is a decision someone made.
 */

const random = (count: number) => crypto.getRandomValues(new Uint8Array(count));

/**
 * The sync requests that decide where this computer's records go and which computers may sync,
 * made as the signed-in Registered Manager: each goes with a proof the main process checks itself
 * (electron/main/handlers/sync-handlers.ts). This layer cannot make proofs, so the caller hands
 * these in (security/sync-manager-calls.ts makes them from the session).
 */
export type SyncManagerCalls = {
  readonly [Channel in SyncManagerChannel]: (
    request: ManagerRequest<Channel>,
  ) => Promise<IpcResult<IpcReply<Channel>>>;
};

type Reply<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** An IPC reply that says `done`, or its failure as a result. */
function doneOf<Value extends { outcome: string }>(
  reply: Reply<Value>,
): Result<Extract<Value, { outcome: 'done' }>> {
  if (!reply.ok) return fail(reply.error.code, reply.error.message);
  const value = reply.value as Value & { code?: string; message?: string };
  if (value.outcome !== 'done') return fail(value.code ?? 'failed', value.message ?? 'That did not work.');
  return ok(value as Extract<Value, { outcome: 'done' }>);
}

const notConnected = () =>
  fail('not-configured', 'This computer is not connected to a sync server. Set sync up first.');

const forbidden = () => fail('forbidden', 'Only the manager can set up sync and add or remove computers.');

function nameOf(text: string): Result<string> {
  const parsed = computerNameSchema.safeParse(text);
  return parsed.success
    ? ok(parsed.data)
    : fail('invalid', parsed.error.issues[0]?.message ?? 'Give the computer a name.');
}

async function audited(db: FamilyLinksDb, session: Session, event: AuditEventInput, now: Date) {
  await auditLog(db).write(
    { actorId: session.staff.id, auditKey: session.auditKey },
    [event],
    [],
    () => Promise.resolve(),
    now,
  );
}

/** Puts this computer's signed registry documents in the mirror and on the server now, not at the next pass. */
async function publishNow(connection: SyncConnection): Promise<void> {
  await publishRegistry(connection);
  // A document already on the server comes back as a conflict, which is what we want: it is there.
  await remoteOf(connection).bulkDocs(await signedRegistryDocuments(connection.db));
}

/**
 * The home's first computer: the server checked and set up, then the whole home put in the change
 * log. A computer of a home already (its server settings lost) connects again in its own place:
 * as the server user and under the name the home's registry gives it (`placeInHome`).
 */
export async function setUpSync(
  db: FamilyLinksDb,
  calls: SyncManagerCalls,
  store: DeviceKeyStore,
  session: Session,
  input: {
    readonly server: SyncServer;
    readonly admin: ServerAdmin;
    readonly createDatabase: boolean;
    readonly name: string;
  },
  now: Date,
  mirrorOf?: MirrorOpener,
): Promise<Result<SyncStatus>> {
  if (!can(session.roles, 'sync:computers')) return forbidden();
  const { server, admin, createDatabase } = input;
  const place = await placeInHome(db, store, server.database, mirrorOf);
  if (!place.ok) return place;
  const own = place.value;
  const name = own ? ok(own.name) : nameOf(input.name);
  if (!name.ok) return name;
  const reply = doneOf(
    await calls['sync:set-up-server']({
      server,
      admin,
      createDatabase,
      ...(own ? { computerUser: own.computerUser } : {}),
    }),
  );
  if (!reply.ok) return reply;
  const status = reply.value.status;
  if (!status.configured) return notConnected();
  const home = await setUpFirstComputer(db, store, status.computerUser, now, name.value);
  const action = own ? 'sync.connected-again' : 'sync.set-up';
  await audited(
    db,
    session,
    {
      action,
      recordType: 'syncComputer',
      recordId: home.deviceId,
      ...(name.value === undefined ? {} : { detail: name.value }),
    },
    now,
  );
  return ok(status);
}

export type IssuedCode = {
  readonly text: string;
  readonly pairingId: string;
  readonly expiresAt: string;
  readonly computerUser: string;
  readonly name: string;
  readonly keys: PairingKeys;
  /** Earlier codes' users taken off the server with this one (their computers never joined). */
  readonly removedUsers: readonly string[];
};

/** How long a code shown on the manager's screen lasts. */
export const pairingCodeLifetimeMs = 60 * 60 * 1000;

/**
 * The manager adds a computer: a new code, the pairing left on the server under it, and the staff
 * keyring sealed under the code beside the home's records (the new computer's staff sign in there
 * with their own passwords). With the admin's sign-in at hand, the users of this computer's earlier
 * codes that will never join (`staleUsers`) are taken off the server first, each audited.
 */
export async function addComputer(
  connection: SyncConnection,
  calls: SyncManagerCalls,
  session: Session,
  input: {
    readonly admin: ServerAdmin;
    readonly name: string;
    /** The home CA this computer's main process holds manager-only requests to (`sharedHomeAuthority`). */
    readonly homeAuthorityPem: string;
  },
  now: Date,
): Promise<Result<IssuedCode>> {
  if (!can(session.roles, 'sync:computers')) return forbidden();
  const name = nameOf(input.name);
  if (!name.ok) return name;
  const { status, home, db } = connection;
  const code = generatePairingCode(random);
  const keys = await derivePairingKeys(code, status.database);
  const expiresAt = new Date(now.getTime() + pairingCodeLifetimeMs).toISOString();
  const envelope = await sealPairing({
    keys,
    pairingId: code.pairingId,
    database: status.database,
    expiresAt,
    bundle: {
      v: pairingBundleVersion,
      homeId: home.homeId,
      syncKey: bytesToBase64Url(await newestSyncKey(connection)),
      issuedByDevice: home.deviceId,
      issuedAt: now.toISOString(),
      rootDeviceKey: home.rootDeviceKey,
      homeAuthorityPem: input.homeAuthorityPem,
    },
  });
  const earlier = await issuedComputers(db);
  const replaces = staleUsers(earlier, name.value, now);
  const added = doneOf(
    await calls['sync:add-computer']({
      admin: input.admin,
      pairingId: code.pairingId,
      joinPassword: keys.joinPassword,
      envelope,
      ...(replaces.length > 0 ? { replaces } : {}),
    }),
  );
  if (!added.ok) return added;
  const { removedUsers, computerUser } = added.value;
  await forgetIssued(db, removedUsers);
  await noteIssued(db, { pairingId: code.pairingId, computerUser, name: name.value, expiresAt });
  for (const user of removedUsers) {
    const was = earlier.find((one) => one.computerUser === user);
    await audited(
      db,
      session,
      {
        action: 'sync.stale-user-removed',
        recordType: 'syncComputer',
        recordId: user,
        ...(was ? { detail: was.name } : {}),
      },
      now,
    );
  }
  // Straight to the server: the new computer reads it before this computer's next pass might run.
  const keyring = await sealKeyring(keys, status.database, code.pairingId, await accountsForPairing(db));
  await remoteOf(connection).bulkDocs([keyring]);
  return ok({
    text: formatPairingCode(code),
    pairingId: code.pairingId,
    expiresAt,
    computerUser,
    name: name.value,
    keys,
    removedUsers,
  });
}

/**
 * A waiting code cancelled by the manager, or found expired: its pairing document comes off the
 * server and, if nobody used the code, its user is shut out (a password kept nowhere); the user
 * itself goes at the next addition, which has the admin's sign-in. Audited either way: a code
 * that stops working is a decision about who may hold the home's records.
 */
export async function endAddition(
  connection: SyncConnection,
  calls: SyncManagerCalls,
  session: Session,
  issued: IssuedCode,
  why: 'cancelled' | 'expired',
  now: Date,
): Promise<Result<{ readonly disabledUser: boolean }>> {
  const ended = doneOf(
    await calls['sync:cancel-pairing']({
      pairingId: issued.pairingId,
      joinPassword: issued.keys.joinPassword,
    }),
  );
  if (!ended.ok) return ended;
  await markEnded(connection.db, issued.pairingId);
  await audited(
    connection.db,
    session,
    {
      action: why === 'cancelled' ? 'sync.code-cancelled' : 'sync.code-expired',
      recordType: 'syncComputer',
      recordId: issued.computerUser,
      detail: issued.name,
    },
    now,
  );
  return ok({ disabledUser: ended.value.disabledUser });
}

/**
 * One look for the new computer: its pairing collected, then its join request on the server, which
 * the code's keys check before this computer endorses the key in it (with the name the manager
 * gave), takes the staff keyring off the server and audits the addition. The new computer's id
 * once endorsed; undefined while it has not joined.
 */
export async function endorseIfJoined(
  connection: SyncConnection,
  session: Session,
  issued: IssuedCode,
  now: Date,
): Promise<{ readonly deviceId: string } | undefined> {
  const state = doneOf(await connection.api['sync:pairing-status']({ pairingId: issued.pairingId }));
  if (!state.ok || state.value.state !== 'collected') return undefined;
  const remote = remoteOf(connection);
  const request: unknown = await remote.get(joinRequestId(issued.pairingId)).catch(() => undefined);
  const checked = request ? await checkJoinRequest(issued.keys, issued.pairingId, request) : undefined;
  if (!checked) return undefined;
  await keepSignedRegistryDocument(
    connection.db,
    await endorseDevice(
      connection.home.device,
      { ...checked, computerUser: issued.computerUser, name: issued.name },
      now,
    ),
  );
  await publishNow(connection);
  // The keyring was for this one computer, which has it now: take it off the server.
  const keyring = await remote.get(keyringDocumentId(issued.pairingId)).catch(() => undefined);
  if (keyring) await remote.bulkDocs([{ ...keyring, _deleted: true }]);
  // Its user is that computer's now: never a stale one to take away.
  await forgetIssued(connection.db, [issued.computerUser]);
  await audited(
    connection.db,
    session,
    {
      action: 'sync.computer-added',
      recordType: 'syncComputer',
      recordId: checked.deviceId,
      detail: issued.name,
    },
    now,
  );
  return { deviceId: checked.deviceId };
}

/**
 * One look for every waiting addition: an expired code is marked so (its computer never endorsed,
 * its code ended on the server: `endAddition`), and a computer whose join request the code's keys
 * accept is endorsed and audited.
 */
export async function endorsePendingAdditions(
  connection: SyncConnection,
  calls: SyncManagerCalls,
  session: Session,
  pending: PendingAdditions,
  now: Date,
): Promise<void> {
  for (const addition of pending.list()) {
    if (addition.state !== 'waiting') continue;
    const { issued } = addition;
    if (now.getTime() > new Date(issued.expiresAt).getTime()) {
      pending.update(issued.pairingId, { state: 'expired', issued });
      await endAddition(connection, calls, session, issued, 'expired', now);
      continue;
    }
    const joined = await endorseIfJoined(connection, session, issued, now);
    // Cancelled while this look was on its way: the manager's "Cancel" stands.
    const still = pending.list().find((other) => other.issued.pairingId === issued.pairingId);
    if (joined && still)
      pending.update(issued.pairingId, { state: 'joined', issued, deviceId: joined.deviceId });
  }
}

/**
 * Looks every `pollMs` while an addition is waiting, until `stop`. One look at a time: a slow
 * server never has two endorsing the same computer.
 */
export function watchPendingAdditions(
  connection: SyncConnection,
  calls: SyncManagerCalls,
  session: Session,
  pending: PendingAdditions,
  options: { readonly pollMs?: number; readonly onError?: (error: unknown) => void } = {},
): () => void {
  let isLooking = false;
  const timer = setInterval(() => {
    if (isLooking || !pending.list().some((addition) => addition.state === 'waiting')) return;
    isLooking = true;
    endorsePendingAdditions(connection, calls, session, pending, new Date())
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        isLooking = false;
      });
  }, options.pollMs ?? 1000);
  return () => clearInterval(timer);
}

/** Records so far of the total: first copied from the server, then put in place. */
export type PullProgress = {
  readonly stage: 'copying' | 'applying';
  readonly done: number;
  readonly total: number;
};

/**
 * A new computer joins: the code opens the pairing, this computer keeps the home's key and its
 * own new keys, takes over its server user with a password only it knows (its main process then
 * learns the home CA the code carried), copies the whole home and the staff accounts, asks the
 * issuing computer to endorse its key, and puts the records in place, reporting records so far
 * of the total. Until the end this computer is `joining`: staff cannot sign in on a half-pulled
 * home, and a restart says how to finish.
 */
export async function joinHome(
  db: FamilyLinksDb,
  api: FamilyLinksApi,
  store: DeviceKeyStore,
  input: { readonly server: SyncServer; readonly codeText: string },
  onProgress: (progress: PullProgress) => void,
  now: Date,
  mirrorOf?: MirrorOpener,
): Promise<Result<{ readonly accounts: number; readonly records: number }>> {
  const parsed = parsePairingCode(input.codeText);
  if (!parsed.ok) return fail('invalid', parsed.message);
  const { code } = parsed;
  const keys = await derivePairingKeys(code, input.server.database);
  const join = { server: input.server, pairingId: code.pairingId, joinPassword: keys.joinPassword };
  const fetched = doneOf(await api['sync:fetch-pairing'](join));
  if (!fetched.ok) return fetched;
  const opened = await openPairing({
    keys,
    envelope: fetched.value.envelope,
    pairingId: code.pairingId,
    database: input.server.database,
    now,
  });
  if (!opened.ok) return fail(opened.code, opened.message);
  const { bundle } = opened;
  if (bundle.v === 1)
    return fail(
      'old-code',
      'This code was made by an older version of Family Links. Update the manager’s computer, then add this computer again.',
    );
  await joinSyncHome(db, store, bundle, now);
  // A version 2 code carries no CA: a manager here renews their certificate first (the home's
  // set-up list says so), as on a computer that joined before codes carried it.
  const completed = doneOf(
    await api['sync:complete-join']({
      ...join,
      ...(bundle.v === pairingBundleVersion ? { homeAuthorityPem: bundle.homeAuthorityPem } : {}),
    }),
  );
  if (!completed.ok) return completed;

  const connection = await connectSync(db, api, store, mirrorOf);
  if (!connection) return notConnected();
  const remote = remoteOf(connection);
  const total = Math.max(1, (await remote.info()).doc_count);
  onProgress({ stage: 'copying', done: 0, total });
  await pullWhileJoining(remote, connection.mirror, (progress) =>
    onProgress({ stage: 'copying', done: Math.min(progress.docsWritten, total), total }),
  );
  // The accounts before the join request: the issuing computer takes the keyring off the server
  // once it has endorsed this computer.
  const keyring = await openKeyring(
    keys,
    input.server.database,
    code.pairingId,
    await connection.mirror.get(keyringDocumentId(code.pairingId)).catch(() => undefined),
  );
  const accounts = await importPairedAccounts(db, keyring ?? []);
  await remote.bulkDocs([
    await makeJoinRequest(keys, code.pairingId, {
      deviceId: connection.home.deviceId,
      publicKey: connection.home.device.publicKeyText,
    }),
  ]);
  // A code made before a re-key carries the key before it, and the re-key does not name this
  // computer: what was sealed since cannot be opened here until a computer of the home grants it
  // the newest key (home-keys.ts), and applied now would be refused as tampered with and never
  // taken. The record sync applies everything once the key is here, as for a waiting computer.
  const keyStanding = { isBehind: false };
  await keyRefresher(connection, (standing) => {
    keyStanding.isBehind = standing.behindSince !== undefined;
  })();
  // Put what was copied in place, pass by pass, until a pass finds nothing more.
  const feed = registryAwareMirror(db, connection.mirror, connection.home);
  let records = 0;
  onProgress({ stage: 'applying', done: 0, total });
  while (!keyStanding.isBehind) {
    await feed.prepare();
    const outcome = await applyIncoming(db, feed, connection.keys);
    const seen = outcome.applied + outcome.held + outcome.refused + outcome.skipped;
    if (seen === 0) break;
    records += seen;
    onProgress({ stage: 'applying', done: Math.min(records, total), total });
  }
  onProgress({ stage: 'applying', done: total, total });
  // Nobody is signed in here yet: the entry waits for the first sign-in, stamped by the main process.
  await auditLog(db).writePending(
    [{ action: 'sync.joined', recordType: 'syncComputer', recordId: connection.home.deviceId }],
    [db.syncState],
    () => finishJoining(db),
    new Date(),
  );
  return ok({ accounts, records });
}

/** The home's computers as the registry stands, read from the mirror. */
export async function listComputers(connection: SyncConnection): Promise<readonly RegisteredDevice[]> {
  const registry = await refreshPeers(
    connection.db,
    connection.home,
    await knownRegistryDocuments(connection.db, connection.mirror),
  );
  return [...registry.devices.values()];
}

/**
 * Removes a computer: the server drops its user (it is refused from its next request), and this
 * computer publishes a signed removal from the first change it has not yet received from it, and
 * endorses itself any computer the removed one had added, so they stay. The home's first computer
 * too: this computer then takes its place at the root of the registry (`resolveRegistry`).
 * `waiting`: the computers left that could not be given the new sync key yet (they have not been
 * on since they were updated), by name, for the manager to be told.
 */
export async function removeComputer(
  connection: SyncConnection,
  calls: SyncManagerCalls,
  session: Session,
  admin: ServerAdmin,
  device: RegisteredDevice,
  now: Date,
): Promise<Result<{ readonly deviceId: string; readonly waiting: readonly string[] }>> {
  if (!can(session.roles, 'sync:computers')) return forbidden();
  if (device.deviceId === connection.home.deviceId)
    return fail(
      'invalid',
      'This computer cannot remove itself. Remove it from another of the home’s computers.',
    );
  const removed = doneOf(await calls['sync:remove-computer']({ admin, computerUser: device.computerUser }));
  if (!removed.ok) return removed;
  const seen = await seenVector(connection.db);
  // Read before the removal is kept: from then on what it endorsed is no longer listed.
  const listed = await listComputers(connection);
  await keepSignedRegistryDocument(
    connection.db,
    await revokeDevice(
      connection.home.device,
      { deviceId: device.deviceId, fromSeq: (seen[device.deviceId] ?? 0) + 1 },
      now,
    ),
  );
  // This computer among them when it removes the first computer: it takes the root's place
  // instead (`resolveRegistry`), as a document signed by itself would claim to be a second root.
  for (const other of listed)
    if (
      other.endorsedBy === device.deviceId &&
      other.deviceId !== device.deviceId &&
      other.deviceId !== connection.home.deviceId
    )
      await keepSignedRegistryDocument(
        connection.db,
        await endorseDevice(connection.home.device, other, now),
      );
  // The removed computer still holds the home's sync key: every computer left gets a new one.
  const { leftOut } = await rotateSyncKey(connection, now);
  await publishNow(connection);
  await listComputers(connection);
  await keyRefresher(connection)(now);
  await audited(
    connection.db,
    session,
    {
      action: 'sync.key-rotated',
      recordType: 'syncComputer',
      recordId: device.deviceId,
      ...(leftOut.length > 0 ? { detail: `Not given the new key yet: ${leftOut.join(', ')}` } : {}),
    },
    now,
  );
  await audited(
    connection.db,
    session,
    {
      action: 'sync.computer-removed',
      recordType: 'syncComputer',
      recordId: device.deviceId,
      ...(device.name ? { detail: device.name } : {}),
    },
    now,
  );
  return ok({ deviceId: device.deviceId, waiting: leftOut });
}
