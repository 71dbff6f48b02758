import { hexOf } from '../bytes';
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
  readonly seq: number;
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

/** The bytes the MAC covers: every stored field except the MAC itself. */
function macInput(entry: Omit<ChainedAuditEntry, 'mac'> | ChainedAuditEntry): Uint8Array<ArrayBuffer> {
  const { mac: _mac, ...covered } = entry as ChainedAuditEntry;
  return encoder.encode(canonicalJson(covered));
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/**
 * The next entry after `previous` (the current head, or `null` for an empty log). Await this
 * before opening the transaction that writes the entry and the new head (`headOf`) together.
 */
export async function appendAuditEntry(
  previous: AuditHead | null,
  event: AuditEvent,
  key: AuditKey,
): Promise<ChainedAuditEntry> {
  const unsealed = { ...event, seq: (previous?.seq ?? 0) + 1, previousMac: previous?.mac ?? genesisMac };
  const mac = hexOf(await crypto.subtle.sign('HMAC', key, macInput(unsealed)));
  return { ...unsealed, mac };
}

export const headOf = (entry: ChainedAuditEntry): AuditHead => ({ seq: entry.seq, mac: entry.mac });

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
    return tampered(entries[0]?.seq ?? 1, 'edited', { wholeLog: true });

  const macs = new Set(entries.map((entry) => entry.mac));
  let previous: ChainedAuditEntry | undefined;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (!authentic[index]) return tampered(entry.seq, 'edited');
    const expectedPreviousMac = previous?.mac ?? genesisMac;
    if (entry.previousMac !== expectedPreviousMac) {
      // The entry is genuine but does not follow on. If the entry it followed is still here,
      // somewhere else, the log was reordered; if it is nowhere, entries were removed.
      return macs.has(entry.previousMac)
        ? tampered(expectedSeq, 'reordered')
        : tampered(expectedSeq, 'missing', { missingUpTo: Math.max(expectedSeq, entry.seq - 1) });
    }
    previous = entry;
  }

  const lastSeq = previous?.seq ?? 0;
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
    default: {
      const unexpected: never = reason;
      throw new Error(`Unknown audit tamper reason: ${String(unexpected)}`);
    }
  }
}
