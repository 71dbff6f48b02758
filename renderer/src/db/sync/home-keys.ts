import { sameBytes } from '@shared/bytes';
import { resolveRegistry } from '@shared/sync/device-registry';
import {
  checkExchangeKey,
  makeRekey,
  openPrevious,
  openRekey,
  rekeyDocumentSchema,
  signExchangeKey,
  type RekeyDocument,
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
 * newest; a document sealed under any of them opens.
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
    allDocs(options: { startkey: string; endkey: string; include_docs?: boolean }): Promise<{
      rows: readonly { id: string; doc?: unknown }[];
    }>;
  };
};

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

/**
 * Every key this computer can reach, newest epoch first: its own, those re-keys wrapped to it
 * (from a computer of the home), and those before them. A re-key from anyone else is refused
 * and reported to the manager once.
 */
export async function reachableKeys(connection: KeyedConnection, now: Date): Promise<Held[]> {
  const { signers } = await signersOf(connection);
  const rekeys: RekeyDocument[] = [];
  const refused: SyncProblemRow[] = [];
  const held: Held[] = [{ epoch: 0, key: connection.home.homeSyncKey }];
  for (const document of await documentsFrom(connection.mirror, 'rn_')) {
    const opened = await openRekey(document, signers, {
      deviceId: connection.home.deviceId,
      exchangePrivateKey: connection.exchangeKey.privateKey,
    });
    const parsed = rekeyDocumentSchema.safeParse(document);
    if (opened.ok) {
      held.push({ epoch: opened.value.epoch, key: opened.value.key });
      if (parsed.success) rekeys.push(parsed.data);
    } else if (opened.error.code === 'not-for-this-computer' && parsed.success) {
      // Made before this computer joined: a way back to older keys, not to a newer one.
      if (signers.has(parsed.data.issuedBy)) rekeys.push(parsed.data);
    } else {
      const id: unknown =
        typeof document === 'object' && document !== null ? Reflect.get(document, '_id') : '';
      refused.push({
        id: crypto.randomUUID(),
        at: now.toISOString(),
        documentId: typeof id === 'string' ? id : '',
        // Reported as an envelope of the same kind would be: invented, altered, or not in form.
        reason:
          opened.error.code === 'unknown-signer'
            ? 'unknown-device'
            : opened.error.code === 'bad-signature'
              ? 'bad-signature'
              : 'not-an-envelope',
        message: opened.error.message,
        ...(parsed.success ? { deviceId: parsed.data.issuedBy } : {}),
      });
    }
  }
  // Back through each re-key's previous key, from any key held, until nothing new turns up; a key
  // that a re-key's previous opens from is that re-key's own (its epoch known from then on).
  for (let isNew = true; isNew;) {
    isNew = false;
    for (const doc of rekeys)
      for (const one of [...held]) {
        const previous = await openPrevious(doc, one.key).catch(() => undefined);
        if (!previous) continue;
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
  return distinct.sort((a, b) => b.epoch - a.epoch);
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
 * applier hold: from the next change on, new changes are sealed under the newest key. The
 * re-keys seen are remembered, so a pass with none new costs one read of their ids.
 */
export function keyRefresher(connection: KeyedConnection) {
  let seen = '';
  return async (now: Date = new Date()): Promise<Held[] | undefined> => {
    // Ids only: the documents are read when one is new.
    const { rows } = await connection.mirror.allDocs({ startkey: 'rn_', endkey: 'rn_\uffff' });
    const ids = rows.map((row) => row.id).join(',');
    if (ids === seen) return undefined;
    seen = ids;
    const held = await reachableKeys(connection, now);
    Object.assign(connection.keys as Mutable<SyncKeys>, await syncKeysOf(held));
    return held;
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
 * The computers left out (none published an exchange key yet) are named for the manager.
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
  for (const device of registry.devices.values()) {
    if (device.removedFromSeq !== undefined) continue;
    const own =
      device.deviceId === connection.home.deviceId ? connection.exchangeKey.publicKeyText : undefined;
    let exchangeKey = own;
    for (const document of exchangeKeys)
      if (!exchangeKey && Reflect.get(document as object, 'deviceId') === device.deviceId)
        exchangeKey = await checkExchangeKey(document, device.publicKey);
    if (exchangeKey) recipients.push({ deviceId: device.deviceId, exchangeKey });
    else leftOut.push(device.name ?? device.deviceId);
  }
  const document = await makeRekey(
    connection.home.device,
    {
      epoch: current.epoch + 1,
      newKey: crypto.getRandomValues(new Uint8Array(32)),
      previousKey: current.key,
      recipients,
    },
    now,
  );
  await keepSignedRegistryDocument(connection.db, document);
  return { document, leftOut };
}
