import { z } from 'zod';
import { base64UrlSchema, p256PublicKeySchema } from './base64url';
import { base64UrlToBytes, bytesToBase64Url } from '../bytes';
import { deviceIdSchema, importDevicePublicKey } from './sync-envelope';
import { deviceSignatureSchema, isSignedByDevice, withDeviceSignature } from './device-signature';
import { syncComputerUserSchema } from './sync-settings';

/**
 * The home's device registry (docs/sync-design.md, "Keys"): which computers belong to the home and
 * the key each signs its changes with. It travels as small signed documents beside the change
 * envelopes, so any computer can work it out again from what the server holds, and the server can
 * neither add a computer nor keep a removed one:
 *
 * - the first computer is the root: it signs its own document, and its public key's SHA-256 goes
 *   into every pairing bundle, so a joining computer knows which self-signed document to start from;
 * - every other computer's document is signed by the computer that issued its pairing code
 *   (its endorsement), which must itself be in the registry and not removed;
 * - removing a computer publishes a revocation signed by a computer of the home: that computer's
 *   changes numbered `fromSeq` or later are refused, and it vouches for nobody from then on (the
 *   remover endorses again any computer the removed one had added);
 * - the first computer can be removed too, by another computer of the home: its self-signed
 *   document stays where the registry starts (every pairing bundle names it), and its removal
 *   hands the root's place to the computer that removed it (an anchor), which endorses again the
 *   computers the first one had added. Any computer of the home that is not removed endorses the
 *   computers it adds, as before.
 *
 * Pure WebCrypto and zod: the same code runs in the renderer and in Node's tests.
 */

type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();

/** SHA-256 as base64url. */
export const rootDeviceKeySchema = base64UrlSchema(43, 43);

/** Registry documents' ids start with `r`, change envelopes' with `e`: a feed can tell them apart unopened. */
export const registryIdPrefix = 'r';
export const isRegistryDocumentId = (id: string): boolean => id.startsWith(registryIdPrefix);

/**
 * A computer's name as the manager types it. The server reads it (registry documents are signed,
 * not sealed), so it names where the computer is, not who uses it.
 */
export const computerNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the computer a name, for example Front desk.' })
  .max(40, { message: 'Use a shorter name, up to 40 characters.' })
  .regex(/^[\p{L}\p{N} ’'&(),.-]+$/u, {
    message: 'Use letters, digits and spaces in the name, for example Front desk or Office 2.',
  });

export const deviceDocumentSchema = z.object({
  _id: z.string().regex(/^rd_[0-9a-f-]{36}_[0-9a-f-]{36}$/),
  _rev: z.string().optional(),
  kind: z.literal('device'),
  deviceId: deviceIdSchema,
  publicKey: p256PublicKeySchema,
  /** Its user on the server (a random name, nothing personal), so any manager's computer can remove it. */
  computerUser: syncComputerUserSchema,
  /** What the manager calls it ("Front desk"): a place, never a person, as the server reads it. */
  name: computerNameSchema.optional(),
  endorsedBy: deviceIdSchema,
  endorsedAt: z.iso.datetime({ offset: false }),
  sig: deviceSignatureSchema,
});
export type DeviceDocument = z.infer<typeof deviceDocumentSchema>;

export const revocationDocumentSchema = z.object({
  _id: z.string().regex(/^rr_[0-9a-f-]{36}_[0-9a-f-]{36}$/),
  _rev: z.string().optional(),
  kind: z.literal('revocation'),
  deviceId: deviceIdSchema,
  /** The removed computer's first change number that is refused; earlier ones stand. */
  fromSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  revokedBy: deviceIdSchema,
  revokedAt: z.iso.datetime({ offset: false }),
  sig: deviceSignatureSchema,
});
export type RevocationDocument = z.infer<typeof revocationDocumentSchema>;

/** A computer that signs registry documents: its id and private key. */
export type RegistrySigner = { readonly deviceId: string; readonly privateKey: Key };

// The name is signed with the rest when there is one, so the server cannot rename a computer.
const deviceSigned = (doc: Omit<DeviceDocument, '_id' | '_rev' | 'sig'>) =>
  encoder.encode(
    JSON.stringify([
      'device',
      doc.deviceId,
      doc.publicKey,
      doc.computerUser,
      doc.endorsedBy,
      doc.endorsedAt,
      ...(doc.name === undefined ? [] : [doc.name]),
    ]),
  );
const revocationSigned = (doc: Omit<RevocationDocument, '_id' | '_rev' | 'sig'>) =>
  encoder.encode(JSON.stringify(['revocation', doc.deviceId, doc.fromSeq, doc.revokedBy, doc.revokedAt]));

/** The root's fingerprint for the pairing bundle: SHA-256 of its raw public key. */
export async function deviceKeyDigest(publicKey: string): Promise<string> {
  return bytesToBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', base64UrlToBytes(publicKey))));
}

/** `endorser` vouches for `subject`'s key; the root signs its own document (`endorser` is itself). */
export async function endorseDevice(
  endorser: RegistrySigner,
  subject: {
    readonly deviceId: string;
    readonly publicKey: string;
    readonly computerUser: string;
    readonly name?: string | undefined;
  },
  at: Date,
): Promise<DeviceDocument> {
  const body = {
    kind: 'device' as const,
    deviceId: subject.deviceId,
    publicKey: subject.publicKey,
    computerUser: subject.computerUser,
    ...(subject.name === undefined ? {} : { name: subject.name }),
    endorsedBy: endorser.deviceId,
    endorsedAt: at.toISOString(),
  };
  return withDeviceSignature(
    endorser,
    { _id: `rd_${subject.deviceId}_${endorser.deviceId}`, ...body },
    deviceSigned(body),
  );
}

export async function revokeDevice(
  revoker: RegistrySigner,
  subject: { readonly deviceId: string; readonly fromSeq: number },
  at: Date,
): Promise<RevocationDocument> {
  const body = {
    kind: 'revocation' as const,
    deviceId: subject.deviceId,
    fromSeq: subject.fromSeq,
    revokedBy: revoker.deviceId,
    revokedAt: at.toISOString(),
  };
  return withDeviceSignature(
    revoker,
    { _id: `rr_${subject.deviceId}_${revoker.deviceId}`, ...body },
    revocationSigned(body),
  );
}

export type RegistryRefusal =
  | 'not-a-registry-document'
  | 'unknown-root'
  | 'unknown-endorser'
  | 'bad-signature'
  | 'revoked-endorser'
  | 'removes-itself'
  | 'second-key';

export const registryRefusalMessages: Readonly<Record<RegistryRefusal, string>> = {
  'not-a-registry-document': 'A computer’s entry on the sync server is not in the form Family Links writes.',
  'unknown-root':
    'A computer on the sync server says it is this home’s first computer, but its key is not the one this home started with.',
  'unknown-endorser': 'A computer on the sync server was added by a computer this home does not know.',
  'bad-signature': 'A computer’s entry on the sync server was changed after it was signed.',
  'revoked-endorser': 'A computer on the sync server was added by a computer that has been removed.',
  'removes-itself':
    'A removal on the sync server says a computer removed itself; a computer is removed from another one.',
  'second-key': 'A computer on the sync server has a second key; the first one added stands.',
};

/** A computer the registry trusts: its key, who added it, and where its removal starts if removed. */
export type RegisteredDevice = {
  readonly deviceId: string;
  readonly publicKey: string;
  readonly computerUser: string;
  readonly name?: string;
  readonly endorsedBy: string;
  readonly endorsedAt: string;
  readonly isRoot: boolean;
  readonly removedFromSeq?: number;
  readonly removedAt?: string;
};

export type Registry = {
  readonly devices: ReadonlyMap<string, RegisteredDevice>;
  readonly refused: readonly {
    readonly id: string;
    readonly reason: RegistryRefusal;
    readonly message: string;
  }[];
};

type Parsed<T> = { readonly doc: T; readonly key: Key };

/**
 * Works out the registry from every registry document there is, in any order: the root (the
 * self-signed document whose key has `rootDeviceKey` as digest), then every endorsement whose
 * endorser is already trusted and not removed and whose signature holds, until nothing more is
 * added; revocations apply from the computers nearest the root first, so a removed computer cannot
 * remove the one that removed it. A removed computer stays in the registry (its earlier changes
 * stand) but vouches for nobody; a computer reached only through it drops out.
 */
export async function resolveRegistry(
  rootDeviceKey: string,
  documents: readonly unknown[],
): Promise<Registry> {
  const refused: { id: string; reason: RegistryRefusal; message: string }[] = [];
  const refuse = (id: string, reason: RegistryRefusal) =>
    refused.push({ id, reason, message: registryRefusalMessages[reason] });
  const idOf = (document: unknown) => {
    const id: unknown =
      typeof document === 'object' && document !== null ? Reflect.get(document, '_id') : undefined;
    return typeof id === 'string' ? id : '';
  };

  const endorsements: Parsed<DeviceDocument>[] = [];
  const revocations: RevocationDocument[] = [];
  for (const document of documents) {
    const device = deviceDocumentSchema.safeParse(document);
    const revocation = revocationDocumentSchema.safeParse(document);
    if (device.success) {
      try {
        endorsements.push({ doc: device.data, key: await importDevicePublicKey(device.data.publicKey) });
      } catch {
        refuse(device.data._id, 'not-a-registry-document');
      }
    } else if (revocation.success) revocations.push(revocation.data);
    else refuse(idOf(document), 'not-a-registry-document');
  }
  // Sorted once, so every computer settles ties (two keys for one computer) the same way.
  endorsements.sort((a, b) => (a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0));

  const verified = new Map<string, boolean>();
  const holds = async (doc: DeviceDocument, key: Key) => {
    const known = verified.get(doc._id);
    if (known !== undefined) return known;
    const isSigned = await isSignedByDevice(key, doc.sig, deviceSigned(doc));
    verified.set(doc._id, isSigned);
    return isSigned;
  };

  const roots = endorsements.filter(({ doc }) => doc.endorsedBy === doc.deviceId);
  let root: Parsed<DeviceDocument> | undefined;
  for (const candidate of roots) {
    if ((await deviceKeyDigest(candidate.doc.publicKey)) !== rootDeviceKey) {
      refuse(candidate.doc._id, 'unknown-root');
    } else if (!(await holds(candidate.doc, candidate.key))) {
      refuse(candidate.doc._id, 'bad-signature');
    } else root ??= candidate;
  }

  /**
   * The trusted computers reachable from the anchors (the root, then each computer that removed
   * the anchor before it) through endorsers not in `removed`, with their depth.
   */
  const reach = async (removed: ReadonlySet<string>, anchors: readonly Parsed<DeviceDocument>[]) => {
    const trusted = new Map<string, { doc: DeviceDocument; key: Key; depth: number }>();
    if (!root) return trusted;
    for (const anchor of [root, ...anchors]) trusted.set(anchor.doc.deviceId, { ...anchor, depth: 0 });
    for (let depth = 1; ; depth += 1) {
      let added = false;
      for (const candidate of endorsements) {
        const { doc } = candidate;
        const endorser = trusted.get(doc.endorsedBy);
        if (trusted.has(doc.deviceId) || !endorser || endorser.depth !== depth - 1) continue;
        if (removed.has(doc.endorsedBy)) continue;
        if (!(await isSignedByDevice(endorser.key, doc.sig, deviceSigned(doc)))) continue;
        trusted.set(doc.deviceId, { ...candidate, depth });
        added = true;
      }
      if (!added) return trusted;
    }
  };

  // Revocations, nearest the root first: one from a computer already removed does nothing.
  const firstReach = await reach(new Set(), []);
  const removals = new Map<string, RevocationDocument>();
  // The first computer removed: its place passes to its remover, and so on down the line.
  const anchors: Parsed<DeviceDocument>[] = [];
  const lastAnchor = () => anchors.at(-1)?.doc.deviceId ?? root?.doc.deviceId;
  const ordered = revocations
    .map((doc) => ({ doc, depth: firstReach.get(doc.revokedBy)?.depth }))
    .sort((a, b) => (a.depth ?? Infinity) - (b.depth ?? Infinity) || (a.doc._id < b.doc._id ? -1 : 1));
  for (const { doc } of ordered) {
    const revoker = firstReach.get(doc.revokedBy);
    if (!revoker) refuse(doc._id, 'unknown-endorser');
    else if (!(await isSignedByDevice(revoker.key, doc.sig, revocationSigned(doc))))
      refuse(doc._id, 'bad-signature');
    else if (removals.has(doc.revokedBy)) refuse(doc._id, 'revoked-endorser');
    else if (doc.revokedBy === doc.deviceId) refuse(doc._id, 'removes-itself');
    else {
      const earlier = removals.get(doc.deviceId);
      // Two removals of one computer: the earlier cut-off holds.
      if (!earlier || doc.fromSeq < earlier.fromSeq) removals.set(doc.deviceId, doc);
      // Two removals of the anchor: the first in this order (nearest the root, then by id) takes its place.
      if (!earlier && doc.deviceId === lastAnchor()) anchors.push(revoker);
    }
  }
  const trusted = await reach(new Set(removals.keys()), anchors);

  // Say why each endorsement that did not make it was left out.
  for (const { doc } of endorsements) {
    const held = trusted.get(doc.deviceId);
    // A second endorsement of the same key (the remover's, after a removal) is no problem.
    if (held?.doc.publicKey === doc.publicKey || doc.endorsedBy === doc.deviceId) continue;
    const endorser = firstReach.get(doc.endorsedBy);
    if (held) refuse(doc._id, 'second-key');
    else if (!endorser) refuse(doc._id, 'unknown-endorser');
    else if (!(await isSignedByDevice(endorser.key, doc.sig, deviceSigned(doc))))
      refuse(doc._id, 'bad-signature');
    else if (removals.has(doc.endorsedBy)) refuse(doc._id, 'revoked-endorser');
  }

  const devices = new Map<string, RegisteredDevice>();
  for (const [deviceId, { doc, depth }] of trusted) {
    const removal = removals.get(deviceId);
    devices.set(deviceId, {
      deviceId,
      publicKey: doc.publicKey,
      computerUser: doc.computerUser,
      ...(doc.name === undefined ? {} : { name: doc.name }),
      endorsedBy: doc.endorsedBy,
      endorsedAt: doc.endorsedAt,
      isRoot: depth === 0,
      ...(removal ? { removedFromSeq: removal.fromSeq, removedAt: removal.revokedAt } : {}),
    });
  }
  return { devices, refused };
}

/** Whether `deviceId`'s change `n` may be applied: a computer of the home, and not after its removal. */
export function acceptsChange(registry: Registry, deviceId: string, n: number): boolean {
  const device = registry.devices.get(deviceId);
  if (!device) return false;
  return device.removedFromSeq === undefined || n < device.removedFromSeq;
}
