import { hexOf } from '../bytes';
import { unreachable } from '../unreachable';
/**
 * The audit log as a keyed hash chain (DESIGN rule 10): editing, deleting,
 * reordering or truncating entries is detected.
 *
 * Each entry carries `previousMac` (the MAC of the entry before it; a fixed genesis value for the
 * first) and `mac = HMAC-SHA-256(auditKey, canonical({ ...entry, previousMac }))`. So:
 * - an entry changed after it was written no longer matches its own MAC (edited);
 * - an entry that matches its MAC but does not follow on from the entry before it was moved
 *   (reordered) or has lost the entries between (missing);
 * - the last entries being cut off is caught by the head, the `{ seq, mac }` of the last entry,
 *   stored separately and updated in the same strict-durability transaction as each append.
 * Without the audit key nobody can write an entry that passes, so a forged entry shows as edited.
 *
 * One chain per computer (docs/sync-design.md, "One audit chain per computer"): an entry names the
 * computer that wrote it (`deviceId`) and its place in that computer's chain (`deviceSeq`), and
 * both are covered by the MAC, so an entry moved into another computer's chain no longer matches.
 * `seq` is then only where the entry sits in this computer's table (entries from other computers
 * arrive in between), so it is left out of the MAC. Entries written before computers had chains
 * carry neither field: their place is `seq`, covered as it always was, and they are the chain of
 * the computer that holds them. Copied to another computer, such an entry keeps its place as
 * `deviceSeq`, gains its writer's `deviceId` and is marked `legacy: 1`, and its MAC is checked
 * over the fields it was made with.
 *
 * The audit key is a WebCrypto HMAC key; only `globalThis.crypto.subtle` is used, so this runs in
 * the renderer and in Node alike. Entries must say who, when, what and which record, never the
 * sensitive content itself (names, notes, form text): `detail` is for a reason code or a hash.
 */

/** WebCrypto's key type, named without relying on the DOM library (shared code also builds for Node). */
export type AuditKey = Parameters<typeof crypto.subtle.sign>[1];

/** What the caller knows about an event: who, when, what, which record. `seq` is given by the chain. */
export type AuditEvent = {
  readonly at: string;
  readonly actorId?: string;
  readonly action: string;
  readonly recordType?: string;
  readonly recordId?: string;
  readonly detail?: string;
};

export type ChainedAuditEntry = AuditEvent & {
  /** Where the entry sits in this computer's table; for an entry without `deviceId`, its place in the chain. */
  readonly seq: number;
  /** The computer whose chain the entry is in. */
  readonly deviceId?: string;
  /** The entry's place in its computer's chain, from 1. */
  readonly deviceSeq?: number;
  /** Written before computers had chains, and copied from the computer that wrote it. */
  readonly legacy?: 1;
  /** Hex HMAC of the entry before (or `genesisMac` for seq 1). */
  readonly previousMac: string;
  /** Hex HMAC-SHA-256 over this entry, `previousMac` included. */
  readonly mac: string;
};

/** Where the chain ends, kept apart from the entries so cutting off the last ones shows. */
export type AuditHead = { readonly seq: number; readonly mac: string };

export const genesisMac = '0'.repeat(64);

export type AuditTamperReason = 'edited' | 'missing' | 'reordered' | 'truncated' | 'head-mismatch';

export type AuditVerification =
  | { readonly kind: 'intact'; readonly count: number }
  /** The entries check out among themselves, but where the log ends cannot be checked (no sound anchor). */
  | { readonly kind: 'unverifiable'; readonly message: string }
  | {
      readonly kind: 'tampered';
      readonly atSeq: number;
      readonly reason: AuditTamperReason;
      readonly message: string;
    };

const encoder = new TextEncoder();

/**
 * Deterministic JSON: object keys sorted, `undefined` members left out, so the MAC does not depend
 * on property order (IndexedDB, a backup or an export may return the same entry in another order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('canonicalJson: value cannot be serialised');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/** The entry's place in its computer's chain. */
export const chainPosition = (entry: ChainedAuditEntry): number => entry.deviceSeq ?? entry.seq;

/**
 * The bytes the MAC covers: every stored field except the MAC itself and, for an entry in a
 * computer's chain, its place in this computer's table (`seq`); an entry from before chains is
 * covered as it was written, with its place as `seq`.
 */
function macInput(entry: Omit<ChainedAuditEntry, 'mac'> | ChainedAuditEntry): Uint8Array<ArrayBuffer> {
  const { mac: _mac, seq, ...rest } = entry as ChainedAuditEntry;
  if (rest.deviceId === undefined) return encoder.encode(canonicalJson({ ...rest, seq }));
  if (rest.legacy === 1) {
    const { deviceId: _deviceId, deviceSeq, legacy: _legacy, ...written } = rest;
    return encoder.encode(canonicalJson({ ...written, seq: deviceSeq }));
  }
  return encoder.encode(canonicalJson(rest));
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/**
 * The next entry after `previous` (the current head of the chain, or `null` for an empty one).
 * Await this before opening the transaction that writes the entry and the new head (`headOf`)
 * together. With `deviceId`, the entry is in that computer's chain, and its `seq` is only a
 * suggestion for where it sits in the table (the writer sets it when storing); without, it is an
 * entry of the form written before computers had chains.
 */
export async function appendAuditEntry(
  previous: AuditHead | null,
  event: AuditEvent,
  key: AuditKey,
  deviceId?: string,
): Promise<ChainedAuditEntry> {
  const place = (previous?.seq ?? 0) + 1;
  const previousMac = previous?.mac ?? genesisMac;
  const unsealed =
    deviceId === undefined
      ? { ...event, seq: place, previousMac }
      : { ...event, seq: place, deviceId, deviceSeq: place, previousMac };
  const mac = hexOf(await crypto.subtle.sign('HMAC', key, macInput(unsealed)));
  return { ...unsealed, mac };
}

/** Where the entry's chain ends if it is the last: its place in its chain and its MAC. */
export const headOf = (entry: ChainedAuditEntry): AuditHead => ({
  seq: chainPosition(entry),
  mac: entry.mac,
});

/** One computer's chain: its entries in chain order. */
export type AuditChain = { readonly deviceId: string; readonly entries: readonly ChainedAuditEntry[] };

/**
 * Splits the log into one chain per computer, each in chain order, this computer's first (then
 * the others by id). Entries without `deviceId` (written here before computers had chains) are
 * this computer's.
 */
export function auditChains(entries: readonly ChainedAuditEntry[], thisDeviceId: string): AuditChain[] {
  const byDevice = new Map<string, ChainedAuditEntry[]>([[thisDeviceId, []]]);
  for (const entry of entries) {
    const deviceId = entry.deviceId ?? thisDeviceId;
    const chain = byDevice.get(deviceId) ?? [];
    chain.push(entry);
    byDevice.set(deviceId, chain);
  }
  const order = (a: ChainedAuditEntry, b: ChainedAuditEntry) =>
    chainPosition(a) - chainPosition(b) || a.seq - b.seq;
  return [...byDevice.entries()]
    .map(([deviceId, chain]) => ({ deviceId, entries: chain.sort(order) }))
    .sort((a, b) =>
      a.deviceId === thisDeviceId
        ? -1
        : b.deviceId === thisDeviceId
          ? 1
          : a.deviceId.localeCompare(b.deviceId),
    );
}

/**
 * Whether `entry` follows on from `previous` in a chain (the last entry held for its computer, or
 * `null` when none is): the next place, linked to that entry's MAC. Needs no key, so a computer
 * receiving another's entries can check this before it has anyone signed in.
 */
export function followsOn(previous: AuditHead | null, entry: ChainedAuditEntry): boolean {
  return (
    chainPosition(entry) === (previous?.seq ?? 0) + 1 && entry.previousMac === (previous?.mac ?? genesisMac)
  );
}

/** Whether the entry matches its own MAC (a constant-time comparison inside WebCrypto). */
async function isAuthentic(entry: ChainedAuditEntry, key: AuditKey): Promise<boolean> {
  const mac = typeof entry.mac === 'string' ? fromHex(entry.mac) : undefined;
  if (!mac) return false;
  return crypto.subtle.verify('HMAC', key, mac, macInput(entry));
}

/**
 * Whether one entry is genuine (written by someone holding the audit key, unchanged since): for a
 * screen that leans on one entry (a filed form's signing record). The chain around it is checked
 * on the Audit log screen with `verifyAuditChain`.
 */
export function isAuthenticAuditEntry(entry: ChainedAuditEntry, key: AuditKey): Promise<boolean> {
  return isAuthentic(entry, key);
}

/** Checked this many at a time: WebCrypto calls are asynchronous, so a long log is checked in parallel. */
const batchSize = 500;

async function authenticity(entries: readonly ChainedAuditEntry[], key: AuditKey): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let start = 0; start < entries.length; start += batchSize) {
    const batch = entries.slice(start, start + batchSize);
    results.push(...(await Promise.all(batch.map((entry) => isAuthentic(entry, key)))));
  }
  return results;
}

/**
 * Checks the whole log, as read in `seq` order, against the separately stored head. Reports the
 * first break found, with a message for the registered manager. `head` is `null` when the home has
 * never written an entry.
 */
export async function verifyAuditChain(
  entries: readonly ChainedAuditEntry[],
  head: AuditHead | null,
  key: AuditKey,
): Promise<AuditVerification> {
  const authentic = await authenticity(entries, key);
  // With no genuine entry at all, the likelier story is a wrong key or a replaced log, not one edit.
  if (entries.length > 1 && !authentic.includes(true))
    return tampered(entries[0] ? chainPosition(entries[0]) : 1, 'edited', { wholeLog: true });

  const macs = new Set(entries.map((entry) => entry.mac));
  let previous: ChainedAuditEntry | undefined;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = (previous ? chainPosition(previous) : 0) + 1;
    if (!authentic[index]) return tampered(chainPosition(entry), 'edited');
    const expectedPreviousMac = previous?.mac ?? genesisMac;
    if (entry.previousMac !== expectedPreviousMac) {
      // The entry is genuine but does not follow on. If the entry it followed is still here,
      // somewhere else, the log was reordered; if it is nowhere, entries were removed.
      return macs.has(entry.previousMac)
        ? tampered(expectedSeq, 'reordered')
        : tampered(expectedSeq, 'missing', { missingUpTo: Math.max(expectedSeq, chainPosition(entry) - 1) });
    }
    previous = entry;
  }

  const lastSeq = previous ? chainPosition(previous) : 0;
  if (head === null) return lastSeq === 0 ? { kind: 'intact', count: 0 } : tampered(1, 'head-mismatch');
  if (head.seq > lastSeq) return tampered(lastSeq + 1, 'truncated');
  if (head.seq < lastSeq) return tampered(head.seq + 1, 'head-mismatch');
  if (previous !== undefined && head.mac !== previous.mac) return tampered(head.seq, 'head-mismatch');
  return { kind: 'intact', count: entries.length };
}

type MessageDetail = { readonly wholeLog?: boolean; readonly missingUpTo?: number };

function tampered(atSeq: number, reason: AuditTamperReason, detail: MessageDetail = {}): AuditVerification {
  return { kind: 'tampered', atSeq, reason, message: tamperMessage(atSeq, reason, detail) };
}

const afterwards =
  'Nothing has been changed by this check. Do not use this computer’s log as evidence until it is looked into, and report it to whoever handles data protection for the home.';

/** Plain words for the manager: what was found, and what to do. */
function tamperMessage(atSeq: number, reason: AuditTamperReason, detail: MessageDetail): string {
  switch (reason) {
    case 'edited':
      return detail.wholeLog === true
        ? `None of the audit log’s entries match this home’s audit key: the log has been replaced, or it belongs to another installation. ${afterwards}`
        : `Entry ${atSeq} of the audit log has been changed since Family Links wrote it, or was added by something other than Family Links. ${afterwards}`;
    case 'missing': {
      const upTo = detail.missingUpTo ?? atSeq;
      const which = upTo > atSeq ? `Entries ${atSeq} to ${upTo} are` : `Entry ${atSeq} is`;
      return `${which} missing from the audit log: deleted after Family Links wrote them. ${afterwards}`;
    }
    case 'reordered':
      return `The audit log is out of order from entry ${atSeq}: entries have been moved since they were written. ${afterwards}`;
    case 'truncated':
      return `The audit log has been cut short: the entries from ${atSeq} onwards, the most recent ones, have been deleted. ${afterwards}`;
    case 'head-mismatch':
      return `The audit log does not end where Family Links last recorded it ending (around entry ${atSeq}): entries were added or removed outside Family Links. ${afterwards}`;
    default:
      return unreachable(reason, 'audit tamper reason');
  }
}
