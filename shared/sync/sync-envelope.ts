import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { base64UrlSchema } from './base64url';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import { deviceSignatureSchema, isSignedByDevice, withDeviceSignature } from './device-signature';
import { fromSyncJson, toSyncJson } from './sync-json';

/**
 * The replicated document (docs/sync-design.md, "The replicated document"): one per change, never
 * updated, sealed and signed on the computer that made the change. The server sees a keyed-hash
 * id, the writing computer's id and its change number, and ciphertext; it cannot read the change,
 * and cannot alter, invent or move a document without every computer refusing it.
 *
 * Pure WebCrypto: the same code runs in the renderer and in Node's tests.
 */

export const envelopeVersion = 1;

/** WebCrypto's key type, named so in both the browser's and Node's type libraries. */
type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/**
 * The two keys the home's sync key gives (HKDF-SHA-256): document ids and envelope encryption.
 * `older`: the keys of the home's earlier sync keys (key epochs, before a re-key), newest first:
 * new changes are sealed under these two, and a document sealed under an earlier key still opens.
 */
export type SyncKeys = {
  readonly idKey: Key;
  readonly envelopeKey: Key;
  readonly older?: readonly Omit<SyncKeys, 'older'>[];
};

/** This computer's signing key pair: the private half never leaves WebCrypto. */
export type DeviceKeyPair = { readonly privateKey: Key; readonly publicKey: Key };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const signing = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A computer's id: a random UUID, made when sync is set up there. No personal data. */
export const deviceIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'A computer’s id is a UUID.',
  });

/** The document as the server holds it. Fields CouchDB adds (`_rev`...) are not part of the seal. */
export const envelopeSchema = z.object({
  _id: z.string().regex(/^e[A-Za-z0-9_-]{32}$/, { message: 'Not a sync document’s id.' }),
  _rev: z.string().optional(),
  v: z.literal(envelopeVersion),
  d: deviceIdSchema,
  n: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  iv: base64UrlSchema(16, 16),
  // A sealed row is a few KB; a signed PDF up to the relay's 16 MiB request less the rest.
  c: base64UrlSchema(22, 16_000_000),
  sig: deviceSignatureSchema,
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** What one change says, inside the envelope. */
export const syncChangeSchema = z
  .object({
    table: z.string().min(1).max(60),
    key: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
    op: z.enum(['put', 'delete']),
    row: z.unknown().optional(),
    /** The version of the record the change was made on; `null` for a new record or write-once one. */
    base: z.string().nullable(),
    /** A changeable record's stored row at `base`, so a computer that changed it too can merge field by field. */
    prior: z.unknown().optional(),
    /** The versions of a conflict this change settles (a choice or a merge): every computer closes it. */
    settles: z.array(z.string().min(3).max(200)).max(50).optional(),
    /** The highest contiguous change this writer had applied from each computer. */
    seen: z.record(z.string(), z.number().int().nonnegative()),
    /** The writer's clock, for display only. */
    at: z.iso.datetime({ offset: false }),
  })
  .strict();
export type SyncChange = z.infer<typeof syncChangeSchema>;

export type EnvelopeRefusal =
  'not-an-envelope' | 'unknown-device' | 'wrong-id' | 'bad-signature' | 'unreadable-body';

export const envelopeRefusalMessages: Readonly<Record<EnvelopeRefusal, string>> = {
  'not-an-envelope': 'A document on the sync server is not one Family Links wrote.',
  'unknown-device': 'A document on the sync server claims to come from a computer this home has not added.',
  'wrong-id':
    'A document on the sync server is stored under an id that is not its own: it was copied or moved there.',
  'bad-signature': 'A document on the sync server was changed after the computer that wrote it signed it.',
  'unreadable-body': 'A document on the sync server was signed but does not open with this home’s key.',
};

function refuse(code: EnvelopeRefusal) {
  return fail(code, envelopeRefusalMessages[code]);
}

/** K_id and K_env from the home's 32-byte sync key. */
export async function deriveSyncKeys(homeSyncKey: Uint8Array<ArrayBuffer>): Promise<SyncKeys> {
  const material = await crypto.subtle.importKey('raw', homeSyncKey, 'HKDF', false, ['deriveKey']);
  const info = (purpose: string) => encoder.encode(`family-links/sync/v${envelopeVersion}/${purpose}`);
  const params = (purpose: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: info(purpose),
  });
  const [idKey, envelopeKey] = await Promise.all([
    crypto.subtle.deriveKey(params('id'), material, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
    ]),
    crypto.subtle.deriveKey(params('envelope'), material, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
  ]);
  return { idKey, envelopeKey };
}

/** A new device key pair; the private key cannot be exported (tests may ask otherwise). */
export async function generateDeviceKeyPair(): Promise<DeviceKeyPair> {
  const pair = await crypto.subtle.generateKey(signing, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** A public key as the device registry carries it: the raw P-256 point, base64url. */
export async function exportDevicePublicKey(publicKey: Key): Promise<string> {
  return bytesToBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey)));
}

export function importDevicePublicKey(text: string): Promise<Key> {
  return crypto.subtle.importKey('raw', base64UrlToBytes(text), signing, true, ['verify']);
}

/** The document id of `deviceId`'s change `n`: a keyed hash, so the server learns nothing from it. */
export async function envelopeId(
  keys: Pick<SyncKeys, 'idKey'>,
  deviceId: string,
  n: number,
): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.idKey, encoder.encode(`${deviceId}\u0000${n}`));
  return `e${bytesToBase64Url(new Uint8Array(mac)).slice(0, 32)}`;
}

// The signed bytes and the encryption's additional data: JSON arrays of strings and integers,
// which serialise one way only.
const headerBytes = (id: string, deviceId: string, n: number) =>
  encoder.encode(JSON.stringify([id, envelopeVersion, deviceId, n]));
const signedBytes = (doc: Pick<Envelope, '_id' | 'v' | 'd' | 'n' | 'iv' | 'c'>) =>
  encoder.encode(JSON.stringify([doc._id, doc.v, doc.d, doc.n, doc.iv, doc.c]));

export async function sealEnvelope(
  keys: SyncKeys,
  device: { readonly deviceId: string; readonly privateKey: Key },
  n: number,
  change: SyncChange,
): Promise<Envelope> {
  const id = await envelopeId(keys, device.deviceId, n);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body = encoder.encode(JSON.stringify(toSyncJson(change)));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerBytes(id, device.deviceId, n) },
    keys.envelopeKey,
    body,
  );
  const unsigned = {
    _id: id,
    v: envelopeVersion,
    d: device.deviceId,
    n,
    iv: bytesToBase64Url(iv),
    c: bytesToBase64Url(new Uint8Array(sealed)),
  } as const;
  return withDeviceSignature(device, unsigned, signedBytes(unsigned));
}

export type OpenedEnvelope = {
  readonly id: string;
  readonly deviceId: string;
  readonly n: number;
  readonly change: SyncChange;
};

/**
 * Checks and opens a document from the server, in this order: its shape, that a known computer
 * wrote it, that its id is the one that computer's change `n` must have, its signature, and only
 * then decrypts and parses the change. `devices` holds the public keys of this home's computers.
 */
export async function openEnvelope(
  keys: SyncKeys,
  devices: ReadonlyMap<string, Key>,
  document: unknown,
): Promise<Result<OpenedEnvelope, EnvelopeRefusal>> {
  const parsed = envelopeSchema.safeParse(document);
  if (!parsed.success) return refuse('not-an-envelope');
  const doc = parsed.data;
  const publicKey = devices.get(doc.d);
  if (!publicKey) return refuse('unknown-device');
  // The id says which of the home's sync keys sealed it: each key gives its own ids.
  let sealedUnder: Omit<SyncKeys, 'older'> | undefined;
  for (const epoch of [keys, ...(keys.older ?? [])])
    if ((await envelopeId(epoch, doc.d, doc.n)) === doc._id) {
      sealedUnder = epoch;
      break;
    }
  if (!sealedUnder) return refuse('wrong-id');
  if (!(await isSignedByDevice(publicKey, doc.sig, signedBytes(doc)))) return refuse('bad-signature');
  let change: unknown;
  try {
    const body = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64UrlToBytes(doc.iv), additionalData: headerBytes(doc._id, doc.d, doc.n) },
      sealedUnder.envelopeKey,
      base64UrlToBytes(doc.c),
    );
    change = fromSyncJson(JSON.parse(decoder.decode(body)));
  } catch {
    return refuse('unreadable-body');
  }
  const checked = syncChangeSchema.safeParse(change);
  if (!checked.success) return refuse('unreadable-body');
  return ok({ id: doc._id, deviceId: doc.d, n: doc.n, change: checked.data });
}
