import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { base64UrlSchema, p256PublicKeySchema } from './base64url';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import { deviceIdSchema, importDevicePublicKey } from './sync-envelope';
import { deviceSignatureSchema, isSignedByDevice, withDeviceSignature } from './device-signature';

/**
 * A new home sync key `K` after a computer is removed (docs/sync-design.md, "Keys"). The removed
 * computer still holds the old `K`; from the re-key on, every computer left seals under the new
 * one, which the removed computer never receives.
 *
 * - **Exchange keys**: each computer has an ECDH P-256 key pair besides its signing key (WebCrypto
 *   cannot use one key for both). Its public half travels as `rx_<device>`, signed with the
 *   computer's registry key, so the server cannot put its own key in a computer's place.
 * - **The re-key document** `rn_<epoch>_<issuer>`: the new `K` wrapped to each remaining
 *   computer's exchange key (ECDH with a one-off key pair, then HKDF, then AES-GCM, the computer
 *   and epoch as additional data), the previous `K` sealed under the new one (so a computer that
 *   joins later, holding only the newest, can open everything sealed before), all signed by the
 *   computer that made it. A re-key is taken only from a computer the registry trusts and has not
 *   removed.
 * - **Computers waiting for it**: a computer of the home that had published no exchange key when
 *   the re-key was made (switched off since it was updated, say) is named in the re-key's signed
 *   `waiting` list. Once its exchange key appears, any computer of the home holding that `K`
 *   wraps it to it in a key grant `rg_<epoch>_<device>`, signed likewise. Only a computer the
 *   re-key names is given one: the remover wrote the list, so a computer removed with it (whose
 *   removal may reach a granting computer after the re-key does) is never on it.
 * - **Computers that join after it**: a computer whose pairing code was made before the re-key
 *   and that joins after it holds only the old `K` (its bundle was sealed with it), and the re-key
 *   does not name it. A re-key also names, signed, every computer removed by then (`removed`), so
 *   a computer it does not name at all was not one its maker knew; such a computer, if the
 *   registry trusts it and it was endorsed by a computer the re-key gave its `K` to (or by its
 *   maker), is granted the `K` as a waiting one is (`grantableComputers`). A removed computer is
 *   named, and one vouched for only by a removed computer has no such endorser, so neither is ever
 *   granted one, even by a computer its removal has not reached yet.
 *
 * Pure WebCrypto and zod: the same code runs in the renderer and in Node's tests.
 */

type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const exchange = { name: 'ECDH', namedCurve: 'P-256' } as const;

const sealedSchema = z.object({ iv: base64UrlSchema(16, 16), c: base64UrlSchema(60, 80) }).strict();
type Sealed = z.infer<typeof sealedSchema>;

export const exchangeKeyDocumentSchema = z.object({
  _id: z.string().regex(/^rx_[0-9a-f-]{36}$/),
  _rev: z.string().optional(),
  kind: z.literal('exchange-key'),
  deviceId: deviceIdSchema,
  publicKey: p256PublicKeySchema,
  sig: deviceSignatureSchema,
});
export type ExchangeKeyDocument = z.infer<typeof exchangeKeyDocumentSchema>;

/** Which home key a re-key or a grant carries: each re-key's is one more than the last. */
const epochSchema = z.number().int().positive().max(999_999_999);

/** Who wrapped a key and when, and the one-off public key of the agreement it was wrapped with. */
const issuedFields = {
  issuedBy: deviceIdSchema,
  issuedAt: z.iso.datetime({ offset: false }),
  ephemeral: p256PublicKeySchema,
};

export const rekeyDocumentSchema = z.object({
  _id: z.string().regex(/^rn_[0-9]{1,9}_[0-9a-f-]{36}$/),
  _rev: z.string().optional(),
  kind: z.literal('rekey'),
  epoch: epochSchema,
  ...issuedFields,
  keys: z.record(deviceIdSchema, sealedSchema),
  previous: sealedSchema,
  /** The computers of the home it could not be wrapped to yet (no exchange key published). */
  waiting: z.array(deviceIdSchema).max(1000).optional(),
  /** The computers removed from the home as its maker knew it: never given this key, nor granted it. */
  removed: z.array(deviceIdSchema).max(1000).optional(),
  sig: deviceSignatureSchema,
});
export type RekeyDocument = z.infer<typeof rekeyDocumentSchema>;

type Signer = { readonly deviceId: string; readonly privateKey: Key };

/** Whether `sig` signs `bytes` under the registry key `publicKey` (raw, base64url) of the computer that signed. */
async function isSignedBy(publicKey: string, sig: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return isSignedByDevice(await importDevicePublicKey(publicKey), sig, bytes);
}

const exchangeSigned = (doc: Pick<ExchangeKeyDocument, 'deviceId' | 'publicKey'>) =>
  encoder.encode(JSON.stringify(['exchange-key', doc.deviceId, doc.publicKey]));

// Recipients in id order, so the signed bytes are the same whatever order the object has.
const rekeySigned = (doc: Omit<RekeyDocument, '_id' | '_rev' | 'sig'>) =>
  encoder.encode(
    JSON.stringify([
      'rekey',
      doc.epoch,
      doc.issuedBy,
      doc.issuedAt,
      doc.ephemeral,
      Object.entries(doc.keys)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([deviceId, sealed]) => [deviceId, sealed.iv, sealed.c]),
      [doc.previous.iv, doc.previous.c],
      // Signed only when there: a re-key without it verifies as it always did.
      ...(doc.waiting ? [[...doc.waiting].sort()] : []),
      // Tagged, so a list cannot be moved between `waiting` and `removed`.
      ...(doc.removed ? [['removed', [...doc.removed].sort()]] : []),
    ]),
  );

export const keyGrantDocumentSchema = z.object({
  _id: z.string().regex(/^rg_[0-9]{1,9}_[0-9a-f-]{36}$/),
  _rev: z.string().optional(),
  kind: z.literal('key-grant'),
  epoch: epochSchema,
  deviceId: deviceIdSchema,
  ...issuedFields,
  key: sealedSchema,
  sig: deviceSignatureSchema,
});
export type KeyGrantDocument = z.infer<typeof keyGrantDocumentSchema>;

export const keyGrantId = (epoch: number, deviceId: string): string => `rg_${epoch}_${deviceId}`;

const grantSigned = (doc: Omit<KeyGrantDocument, '_id' | '_rev' | 'sig'>) =>
  encoder.encode(
    JSON.stringify([
      'key-grant',
      doc.epoch,
      doc.deviceId,
      doc.issuedBy,
      doc.issuedAt,
      doc.ephemeral,
      [doc.key.iv, doc.key.c],
    ]),
  );

/** This computer's exchange key pair; the private half cannot be exported. */
export async function generateExchangeKeyPair(): Promise<{ privateKey: Key; publicKeyText: string }> {
  const pair = await crypto.subtle.generateKey(exchange, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKeyText: bytesToBase64Url(raw) };
}

export async function signExchangeKey(signer: Signer, publicKey: string): Promise<ExchangeKeyDocument> {
  const body = { kind: 'exchange-key' as const, deviceId: signer.deviceId, publicKey };
  return withDeviceSignature(signer, { _id: `rx_${signer.deviceId}`, ...body }, exchangeSigned(body));
}

/** A computer's exchange key, if the document is signed by the registry key `signingKey` (raw, base64url). */
export async function checkExchangeKey(document: unknown, signingKey: string): Promise<string | undefined> {
  const parsed = exchangeKeyDocumentSchema.safeParse(document);
  if (!parsed.success) return undefined;
  return (await isSignedBy(signingKey, parsed.data.sig, exchangeSigned(parsed.data)))
    ? parsed.data.publicKey
    : undefined;
}

async function aesKeyFrom(bits: Uint8Array<ArrayBuffer>, info: string): Promise<Key> {
  const material = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const wrapInfo = (epoch: number, deviceId: string) => `family-links/sync/rekey/${epoch}/${deviceId}`;
const previousInfo = (epoch: number) => `family-links/sync/rekey/${epoch}/previous`;
const grantInfo = (epoch: number, deviceId: string) => `family-links/sync/grant/${epoch}/${deviceId}`;

async function seal(key: Key, plain: Uint8Array<ArrayBuffer>, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const c = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    plain,
  );
  return { iv: bytesToBase64Url(iv), c: bytesToBase64Url(new Uint8Array(c)) };
}

async function unseal(key: Key, sealed: Sealed, context: string): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: base64UrlToBytes(sealed.iv), additionalData: encoder.encode(context) },
    key,
    base64UrlToBytes(sealed.c),
  );
  return new Uint8Array(plain);
}

async function sharedKey(privateKey: Key, publicKeyText: string, info: string): Promise<Key> {
  const publicKey = await crypto.subtle.importKey(
    'raw',
    base64UrlToBytes(publicKeyText),
    exchange,
    false,
    [],
  );
  const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  return aesKeyFrom(new Uint8Array(bits), info);
}

/** The new `K`, wrapped to each recipient's exchange key, with the previous `K` under the new one. */
export async function makeRekey(
  signer: Signer,
  input: {
    readonly epoch: number;
    readonly newKey: Uint8Array<ArrayBuffer>;
    readonly previousKey: Uint8Array<ArrayBuffer>;
    readonly recipients: readonly { readonly deviceId: string; readonly exchangeKey: string }[];
    readonly waiting?: readonly string[];
    readonly removed?: readonly string[];
  },
  at: Date,
): Promise<RekeyDocument> {
  const oneOff = await generateExchangeKeyPair();
  const keys: Record<string, Sealed> = {};
  for (const recipient of input.recipients)
    keys[recipient.deviceId] = await seal(
      await sharedKey(oneOff.privateKey, recipient.exchangeKey, wrapInfo(input.epoch, recipient.deviceId)),
      input.newKey,
      wrapInfo(input.epoch, recipient.deviceId),
    );
  const previous = await seal(
    await aesKeyFrom(input.newKey, previousInfo(input.epoch)),
    input.previousKey,
    previousInfo(input.epoch),
  );
  const body = {
    kind: 'rekey' as const,
    epoch: input.epoch,
    issuedBy: signer.deviceId,
    issuedAt: at.toISOString(),
    ephemeral: oneOff.publicKeyText,
    keys,
    previous,
    ...(input.waiting && input.waiting.length > 0 ? { waiting: [...input.waiting] } : {}),
    ...(input.removed ? { removed: [...input.removed] } : {}),
  };
  return withDeviceSignature(
    signer,
    { _id: `rn_${input.epoch}_${signer.deviceId}`, ...body },
    rekeySigned(body),
  );
}

/**
 * The computers a re-key's `K` may be granted to (module comment, "Computers waiting for it" and
 * "Computers that join after it"): those it names as waiting, and, once it names the computers
 * removed by then, each computer of `devices` (the registry as the granting computer knows it) it
 * does not name at all whose endorser it gave its `K` to or made it. Before `removed` was signed
 * a re-key could not tell a computer its maker removed from one it never knew: the waiting only.
 */
export function grantableComputers(
  doc: Pick<RekeyDocument, 'issuedBy' | 'keys' | 'waiting' | 'removed'>,
  devices: Iterable<{ readonly deviceId: string; readonly endorsedBy: string }>,
): string[] {
  const waiting = [...(doc.waiting ?? [])];
  if (doc.removed === undefined) return waiting;
  const holders = new Set([...Object.keys(doc.keys), doc.issuedBy]);
  const named = new Set([...holders, ...waiting, ...doc.removed]);
  const joinedSince = [...devices].filter(
    (device) => !named.has(device.deviceId) && holders.has(device.endorsedBy),
  );
  return [...waiting, ...joinedSince.map((device) => device.deviceId)];
}

/** The `K` of `epoch` wrapped to one computer a re-key named as waiting, now its exchange key is known. */
export async function makeKeyGrant(
  signer: Signer,
  input: {
    readonly epoch: number;
    readonly key: Uint8Array<ArrayBuffer>;
    readonly recipient: { readonly deviceId: string; readonly exchangeKey: string };
  },
  at: Date,
): Promise<KeyGrantDocument> {
  const oneOff = await generateExchangeKeyPair();
  const info = grantInfo(input.epoch, input.recipient.deviceId);
  const body = {
    kind: 'key-grant' as const,
    epoch: input.epoch,
    deviceId: input.recipient.deviceId,
    issuedBy: signer.deviceId,
    issuedAt: at.toISOString(),
    ephemeral: oneOff.publicKeyText,
    key: await seal(await sharedKey(oneOff.privateKey, input.recipient.exchangeKey, info), input.key, info),
  };
  return withDeviceSignature(
    signer,
    { _id: keyGrantId(input.epoch, input.recipient.deviceId), ...body },
    grantSigned(body),
  );
}

export type RekeyRefusal = 'not-a-rekey' | 'unknown-signer' | 'bad-signature' | 'not-for-this-computer';

export const rekeyRefusalMessages: Readonly<Record<RekeyRefusal, string>> = {
  'not-a-rekey': 'A new sync key on the sync server is not in the form Family Links writes.',
  'unknown-signer':
    'A new sync key on the sync server was not made by one of this home’s computers (or by one since removed). It was not taken.',
  'bad-signature': 'A new sync key on the sync server was changed after it was signed. It was not taken.',
  'not-for-this-computer': 'A new sync key on the sync server does not open on this computer.',
};

const refuse = (code: RekeyRefusal) => fail(code, rekeyRefusalMessages[code]);

/**
 * Checks a re-key against the registry (`signers`: the public signing keys of the computers it
 * trusts and has not removed), then opens this computer's copy of the new `K` and the previous
 * `K` under it.
 */
export async function openRekey(
  document: unknown,
  signers: ReadonlyMap<string, string>,
  me: { readonly deviceId: string; readonly exchangePrivateKey: Key },
): Promise<
  Result<
    {
      readonly epoch: number;
      readonly key: Uint8Array<ArrayBuffer>;
      readonly previous: Uint8Array<ArrayBuffer>;
    },
    RekeyRefusal
  >
> {
  const parsed = rekeyDocumentSchema.safeParse(document);
  if (!parsed.success || parsed.data._id !== `rn_${parsed.data.epoch}_${parsed.data.issuedBy}`)
    return refuse('not-a-rekey');
  const doc = parsed.data;
  const signer = signers.get(doc.issuedBy);
  if (!signer) return refuse('unknown-signer');
  if (!(await isSignedBy(signer, doc.sig, rekeySigned(doc)))) return refuse('bad-signature');
  const mine = doc.keys[me.deviceId];
  if (!mine) return refuse('not-for-this-computer');
  try {
    const info = wrapInfo(doc.epoch, me.deviceId);
    const newKey = await unseal(await sharedKey(me.exchangePrivateKey, doc.ephemeral, info), mine, info);
    const previous = await openPrevious(doc, newKey);
    return ok({ epoch: doc.epoch, key: newKey, previous });
  } catch {
    return refuse('not-for-this-computer');
  }
}

/** The `K` before a re-key, from the re-key's own `K`: how a later computer reaches older keys. */
export async function openPrevious(
  doc: RekeyDocument,
  key: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const info = previousInfo(doc.epoch);
  return unseal(await aesKeyFrom(key, info), doc.previous, info);
}

/**
 * Checks a key grant as a re-key is checked (its signer a computer the registry trusts and has
 * not removed, its id its own), then opens the `K` in it, if it is for this computer.
 */
export async function openKeyGrant(
  document: unknown,
  signers: ReadonlyMap<string, string>,
  me: { readonly deviceId: string; readonly exchangePrivateKey: Key },
): Promise<Result<{ readonly epoch: number; readonly key: Uint8Array<ArrayBuffer> }, RekeyRefusal>> {
  const parsed = keyGrantDocumentSchema.safeParse(document);
  if (!parsed.success || parsed.data._id !== keyGrantId(parsed.data.epoch, parsed.data.deviceId))
    return refuse('not-a-rekey');
  const doc = parsed.data;
  const signer = signers.get(doc.issuedBy);
  if (!signer) return refuse('unknown-signer');
  if (!(await isSignedBy(signer, doc.sig, grantSigned(doc)))) return refuse('bad-signature');
  if (doc.deviceId !== me.deviceId) return refuse('not-for-this-computer');
  try {
    const info = grantInfo(doc.epoch, me.deviceId);
    const opened = await unseal(await sharedKey(me.exchangePrivateKey, doc.ephemeral, info), doc.key, info);
    return ok({ epoch: doc.epoch, key: opened });
  } catch {
    return refuse('not-for-this-computer');
  }
}
