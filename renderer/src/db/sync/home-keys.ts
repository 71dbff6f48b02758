import { sameBytes } from '@shared/bytes';
import { resolveRegistry } from '@shared/sync/device-registry';
import {
  checkExchangeKey,
  grantableComputers,
  keyGrantId,
  makeKeyGrant,
  makeRekey,
  openKeyGrant,
  openPrevious,
  openRekey,
  rekeyDocumentSchema,
  signExchangeKey,
  type KeyGrantDocument,
  type RekeyDocument,
  type RekeyRefusal,
} from '@shared/sync/rekey';
import { deriveSyncKeys, type SyncKeys } from '@shared/sync/sync-envelope';
import type { FamilyLinksDb } from '../database';
import { auditLog } from '../repositories/audit-log-repository';
import type { SyncProblemRow } from './sync-rows';
import { keepSignedRegistryDocument, type SyncHome } from './sync-home';

/**
 * The home's sync keys on this computer, by epoch (docs/sync-design.md, "Keys"): the `K` it set up
 * or joined with, each newer `K` a re-key wrapped to it, and each older one reached back through
 * the re-keys' `previous`. Worked out from the mirror's re-key documents whenever they change, so
 * nothing more is kept on disk than the re-keys themselves. New changes are sealed under the
 * newest; a document sealed under any of them opens. A computer a re-key could not be wrapped to
 * (it had published no exchange key) is named in it as waiting, is given that `K` in a key grant
 * by a computer that holds it once its exchange key appears, and says meanwhile that it cannot
 * read what the others record (`KeyStanding`).
 */

type Held = { readonly epoch: number; readonly key: Uint8Array<ArrayBuffer> };
type Mutable<T> = { -readonly [Field in keyof T]: T[Field] };

export type ExchangeKey = { readonly privateKey: CryptoKey; readonly publicKeyText: string };

/** What the key work needs of a connection. */
export type KeyedConnection = {
  readonly db: FamilyLinksDb;
  readonly home: SyncHome;
  readonly keys: SyncKeys;
  readonly exchangeKey: ExchangeKey;
  readonly mirror: {
    bulkDocs(docs: KeyGrantDocument[]): Promise<unknown>;
    allDocs(options: { startkey: string; endkey: string; include_docs?: boolean }): Promise<{
      rows: readonly { id: string; doc?: unknown }[];
    }>;
  };
};

/**
 * Whether this computer holds the home's newest sync key. `behindSince`: when the first re-key it
 * was not given was made (by a computer of the home); until it is given that key, what the other
 * computers record from then on does not open here.
 */
export type KeyStanding = { readonly epoch: number; readonly behindSince?: string };

async function documentsFrom(mirror: KeyedConnection['mirror'], prefix: string): Promise<unknown[]> {
  const { rows } = await mirror.allDocs({ startkey: prefix, endkey: `${prefix}\uffff`, include_docs: true });
  return rows.flatMap((row) => (row.doc === undefined ? [] : [row.doc]));
}

/** The registry's computers that may sign a re-key (trusted, not removed), and every registry document. */
async function signersOf(connection: KeyedConnection) {
  const registry = await resolveRegistry(
    connection.home.rootDeviceKey,
    await documentsFrom(connection.mirror, 'r'),
  );
  const signers = new Map<string, string>();
  for (const device of registry.devices.values())
    if (device.removedFromSeq === undefined) signers.set(device.deviceId, device.publicKey);
  return { registry, signers };
}

/** This computer's signed exchange key, kept to publish with its other registry documents. */
export async function keepExchangeKey(
  db: FamilyLinksDb,
  home: SyncHome,
  exchangeKey: ExchangeKey,
): Promise<void> {
  await keepSignedRegistryDocument(db, await signExchangeKey(home.device, exchangeKey.publicKeyText));
}

function refusalOf(document: unknown, code: RekeyRefusal, message: string, now: Date): SyncProblemRow {
  const id: unknown = typeof document === 'object' && document !== null ? Reflect.get(document, '_id') : '';
  const issuedBy: unknown =
    typeof document === 'object' && document !== null ? Reflect.get(document, 'issuedBy') : undefined;
  return {
    id: crypto.randomUUID(),
    at: now.toISOString(),
    documentId: typeof id === 'string' ? id : '',
    // Reported as an envelope of the same kind would be: invented, altered, or not in form.
    reason:
      code === 'unknown-signer'
        ? 'unknown-device'
        : code === 'bad-signature'
          ? 'bad-signature'
          : 'not-an-envelope',
    message,
    ...(typeof issuedBy === 'string' && code !== 'not-a-rekey' ? { deviceId: issuedBy } : {}),
  };
}

/**
 * The keys this computer can reach, and the re-keys of the home it knows of: those it holds the
 * key of (`keyOf`, by document id) and those it does not.
 */
async function keysOf(connection: KeyedConnection, now: Date) {
  const { registry, signers } = await signersOf(connection);
  const me = { deviceId: connection.home.deviceId, exchangePrivateKey: connection.exchangeKey.privateKey };
  const rekeys: RekeyDocument[] = [];
  const keyOf = new Map<string, Uint8Array<ArrayBuffer>>();
  const refused: SyncProblemRow[] = [];
  const held: Held[] = [{ epoch: 0, key: connection.home.homeSyncKey }];
  for (const document of await documentsFrom(connection.mirror, 'rn_')) {
    const opened = await openRekey(document, signers, me);
    const parsed = rekeyDocumentSchema.safeParse(document);
    if (opened.ok) {
      held.push({ epoch: opened.value.epoch, key: opened.value.key });
      if (parsed.success) {
        rekeys.push(parsed.data);
        keyOf.set(parsed.data._id, opened.value.key);
      }
    } else if (opened.error.code === 'not-for-this-computer' && parsed.success) {
      // Made before this computer joined (a way back to older keys), or while it was waiting.
      if (signers.has(parsed.data.issuedBy)) rekeys.push(parsed.data);
    } else refused.push(refusalOf(document, opened.error.code, opened.error.message, now));
  }
  for (const document of await documentsFrom(connection.mirror, 'rg_')) {
    const opened = await openKeyGrant(document, signers, me);
    if (opened.ok) held.push(opened.value);
    // Another computer's grant is none of this one's business, if a computer of the home signed it.
    else if (opened.error.code !== 'not-for-this-computer')
      refused.push(refusalOf(document, opened.error.code, opened.error.message, now));
  }
  // Back through each re-key's previous key, from any key held, until nothing new turns up; a key
  // that a re-key's previous opens from is that re-key's own (its epoch known from then on).
  for (let isNew = true; isNew;) {
    isNew = false;
    for (const doc of rekeys)
      for (const one of [...held]) {
        const previous = await openPrevious(doc, one.key).catch(() => undefined);
        if (!previous) continue;
        keyOf.set(doc._id, one.key);
        const index = held.indexOf(one);
        if (one.epoch < doc.epoch) held[index] = { epoch: doc.epoch, key: one.key };
        if (!held.some((other) => sameBytes(other.key, previous))) {
          held.push({ epoch: doc.epoch - 1, key: previous });
          isNew = true;
        }
      }
  }
  if (refused.length > 0) await reportRefusedRekeys(connection.db, refused, now);
  const distinct = held.filter((one, at) => held.findIndex((other) => sameBytes(other.key, one.key)) === at);
  return { held: distinct.sort((a, b) => b.epoch - a.epoch), rekeys, keyOf, registry };
}

type Keys = Awaited<ReturnType<typeof keysOf>>;

/**
 * Every key this computer can reach, newest epoch first: its own, those re-keys and key grants
 * wrapped to it (from a computer of the home), and those before them. A re-key or grant from
 * anyone else is refused and reported to the manager once.
 */
export async function reachableKeys(connection: KeyedConnection, now: Date): Promise<Held[]> {
  return (await keysOf(connection, now)).held;
}

function standingOf({ held, rekeys, keyOf }: Keys): KeyStanding {
  const epoch = held[0]?.epoch ?? 0;
  const missed = rekeys
    .filter((doc) => doc.epoch > epoch && !keyOf.has(doc._id))
    .map((doc) => doc.issuedAt)
    .sort();
  return missed[0] === undefined ? { epoch } : { epoch, behindSince: missed[0] };
}

/**
 * The newest re-key's `K` for each computer it names as waiting, or that joined after it with a
 * code made before it (`grantableComputers`), whose exchange key (signed with its registry key)
 * has appeared since, unless that computer has been removed or already has a grant for it: one
 * signed key grant each, put in the mirror at once and audited. Two computers granting at once
 * write the same id, so the server keeps one of two equally good grants.
 */
async function grantWaitingKeys(connection: KeyedConnection, keys: Keys, now: Date): Promise<number> {
  const newest = Math.max(0, ...keys.rekeys.map((doc) => doc.epoch));
  const devices = [...keys.registry.devices.values()];
  const waiting = keys.rekeys.flatMap((doc) => {
    const grantable = doc.epoch === newest ? grantableComputers(doc, devices) : [];
    return grantable.length > 0 ? [{ doc, grantable }] : [];
  });
  if (waiting.length === 0) return 0;
  const granted = new Set(
    (await connection.mirror.allDocs({ startkey: 'rg_', endkey: 'rg_\uffff' })).rows.map((row) => row.id),
  );
  const exchangeKeys = await documentsFrom(connection.mirror, 'rx_');
  const grants: KeyGrantDocument[] = [];
  const names: { deviceId: string; name: string }[] = [];
  for (const { doc, grantable } of waiting) {
    const key = keys.keyOf.get(doc._id);
    if (!key) continue;
    for (const deviceId of grantable) {
      const device = keys.registry.devices.get(deviceId);
      if (!device || device.removedFromSeq !== undefined || deviceId === connection.home.deviceId) continue;
      if (granted.has(keyGrantId(doc.epoch, deviceId))) continue;
      const published = exchangeKeys.find((one) => Reflect.get(one as object, 'deviceId') === deviceId);
      const exchangeKey = published ? await checkExchangeKey(published, device.publicKey) : undefined;
      if (!exchangeKey) continue;
      grants.push(
        await makeKeyGrant(
          connection.home.device,
          { epoch: doc.epoch, key, recipient: { deviceId, exchangeKey } },
          now,
        ),
      );
      granted.add(keyGrantId(doc.epoch, deviceId));
      names.push({ deviceId, name: device.name ?? deviceId });
    }
  }
  if (grants.length === 0) return 0;
  // Audited as the applier's findings are: nobody need be signed in when a computer comes back on.
  await auditLog(connection.db).writePending(
    names.map(({ deviceId, name }) => ({
      action: 'sync.key-granted',
      recordType: 'syncComputer',
      recordId: deviceId,
      detail: name,
    })),
    [connection.db.syncState],
    async () => {
      for (const grant of grants) await keepSignedRegistryDocument(connection.db, grant);
    },
    now,
  );
  // Straight into the mirror: the computer waiting can read nothing new until it has it.
  await connection.mirror.bulkDocs(grants);
  return grants.length;
}

async function reportRefusedRekeys(db: FamilyLinksDb, found: readonly SyncProblemRow[], now: Date) {
  const reported = new Set((await db.syncProblems.toArray()).map((problem) => problem.documentId));
  const problems = found.filter((problem) => !reported.has(problem.documentId));
  if (problems.length === 0) return;
  await auditLog(db).writePending(
    problems.map((problem) => ({
      action: 'sync.rekey-refused',
      recordType: 'syncDocument',
      recordId: problem.documentId,
      ...(problem.deviceId ? { detail: problem.deviceId } : {}),
    })),
    [db.syncProblems],
    async () => {
      await db.syncProblems.bulkPut(problems);
    },
    now,
  );
}

/** The derived keys for `held` (newest first): the newest seals, all of them open. */
export async function syncKeysOf(held: readonly Held[]): Promise<SyncKeys> {
  const [newest, ...older] = await Promise.all(held.map((one) => deriveSyncKeys(one.key)));
  if (!newest) throw new Error('No sync key is held.');
  return { ...newest, older };
}

/**
 * Works the keys out again and puts them in the connection's `keys`, which the pump and the
 * applier hold: from the next change on, new changes are sealed under the newest key. Gives the
 * newest key to any computer waiting for it whose exchange key has appeared. The registry's
 * documents seen are remembered, so a pass with none new costs one read of their ids.
 */
export function keyRefresher(connection: KeyedConnection, onStanding?: (standing: KeyStanding) => void) {
  let seen = '';
  return async (now: Date = new Date()): Promise<Held[] | undefined> => {
    // Ids only, from endorsements to exchange keys: the documents are read when one is new. An
    // endorsement counts too: a computer that joined after a re-key may be granted its key once
    // it is endorsed, whichever of that and its exchange key arrives here last.
    const { rows } = await connection.mirror.allDocs({ startkey: 'rd_', endkey: 'rx_\uffff' });
    const ids = rows
      .map((row) => row.id)
      .filter((id) => /^r[dgnrx]_/.test(id))
      .join(',');
    if (ids === seen) return undefined;
    seen = ids;
    const keys = await keysOf(connection, now);
    Object.assign(connection.keys as Mutable<SyncKeys>, await syncKeysOf(keys.held));
    onStanding?.(standingOf(keys));
    // A grant made here changes the ids, so the next pass looks again and finds it made.
    await grantWaitingKeys(connection, keys, now);
    return keys.held;
  };
}

/** The newest key this computer holds: what a pairing bundle gives a new computer. */
export async function newestSyncKey(connection: KeyedConnection): Promise<Uint8Array<ArrayBuffer>> {
  const [newest] = await reachableKeys(connection, new Date());
  return newest?.key ?? connection.home.homeSyncKey;
}

/**
 * After a removal: a new `K`, wrapped to every computer left (this one included) that has
 * published an exchange key, in one signed re-key document, and taken into use here at once.
 * The computers left out (none published an exchange key yet) are named in it as waiting, for
 * a key grant once they have, and for the manager.
 */
export async function rotateSyncKey(
  connection: KeyedConnection,
  now: Date,
): Promise<{ readonly document: RekeyDocument; readonly leftOut: readonly string[] }> {
  const held = await reachableKeys(connection, now);
  const [current] = held;
  if (!current) throw new Error('No sync key is held.');
  const { registry } = await signersOf(connection);
  const exchangeKeys = await documentsFrom(connection.mirror, 'rx_');
  const recipients: { deviceId: string; exchangeKey: string }[] = [];
  const leftOut: string[] = [];
  const waiting: string[] = [];
  const removed: string[] = [];
  for (const device of registry.devices.values()) {
    if (device.removedFromSeq !== undefined) {
      removed.push(device.deviceId);
      continue;
    }
    const own =
      device.deviceId === connection.home.deviceId ? connection.exchangeKey.publicKeyText : undefined;
    let exchangeKey = own;
    for (const document of exchangeKeys)
      if (!exchangeKey && Reflect.get(document as object, 'deviceId') === device.deviceId)
        exchangeKey = await checkExchangeKey(document, device.publicKey);
    if (exchangeKey) recipients.push({ deviceId: device.deviceId, exchangeKey });
    else {
      waiting.push(device.deviceId);
      leftOut.push(device.name ?? device.deviceId);
    }
  }
  const document = await makeRekey(
    connection.home.device,
    {
      epoch: current.epoch + 1,
      newKey: crypto.getRandomValues(new Uint8Array(32)),
      previousKey: current.key,
      recipients,
      waiting,
      removed,
    },
    now,
  );
  await keepSignedRegistryDocument(connection.db, document);
  return { document, leftOut };
}
