import { hexOf } from '@shared/bytes';
import { compartmentKeyLookup, type CompartmentKeys } from './compartment-keys';

/**
 * Seals the parts of a row that no index needs (names, notes, form content) with AES-GCM under
 * one compartment's key (`shared/rules/compartments.ts`). The table and record id are bound in as
 * additional data, so a sealed blob copied onto another row, or another table, fails to open
 * instead of showing the wrong record. A box sealed under any compartment but the door names it,
 * so the reader knows which key opens it; a box without a name is the door's (every row sealed
 * before compartments existed).
 * Work is done before a transaction opens: awaiting WebCrypto inside one lets IndexedDB commit it.
 */
export type SealedBox = {
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
  readonly compartment?: string;
  /** Which generation of the compartment's key sealed it: absent for the first (see `key-rotation.ts`). */
  readonly generation?: number;
};

export type RecordCipher = {
  /** Seals under `compartment`'s key (the door's if none); throws if this session does not hold it. */
  seal(context: string, value: unknown, compartment?: string): Promise<SealedBox>;
  /** Opens with the key of the box's compartment; throws `CompartmentLockedError` if this session does not hold it. */
  open(context: string, box: SealedBox): Promise<unknown>;
  /** Whether this session holds `compartment`'s key. */
  holds(compartment: string): boolean;
  /**
   * A keyed hash of `value` for the plain index named `index` (HMAC-SHA-256, in hex): equal
   * values give equal hashes, so a unique index and a look-up still work, but without the key
   * nobody can tell what was indexed or test a guess against it (a case number is short and
   * guessable, so a plain hash would not do). The key is the door compartment's: every role holds
   * it, since every role's work may add or find a young person. Under the newest door key.
   */
  indexHash(index: string, value: string): Promise<string>;
  /**
   * `indexHash` under every door key this session holds, newest first: while the door key is
   * being changed, a row not yet sealed again is still indexed under the older one.
   */
  indexHashes(index: string, value: string): Promise<string[]>;
};

/** Thrown when a record is sealed in a compartment whose key this session does not hold. */
export class CompartmentLockedError extends Error {
  constructor(readonly compartment: string) {
    super(`This session does not hold the key for ${compartment}`);
    this.name = 'CompartmentLockedError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The HMAC key for one index, derived (HKDF-SHA-256) from the door key and the index's name, so
 * each index has its own key and no index key is the key that seals records. Derived, not stored:
 * every computer and every backup of the home that holds the door key works out the same one.
 */
async function indexKey(doorKey: CryptoKey, index: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    await crypto.subtle.exportKey('raw', doorKey),
    'HKDF',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('family-links/index-key'),
      info: encoder.encode(`index:${index}`),
    },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
}

/**
 * Thrown by a cipher whose keys were dropped (the screen locked or the person signed out): the
 * work was started for a session that no longer holds any key, and nothing was sealed or opened.
 */
export class KeysDroppedError extends Error {
  constructor() {
    super('The screen was locked, so this session no longer holds any key.');
    this.name = 'KeysDroppedError';
  }
}

const forgetters = new WeakMap<RecordCipher, () => void>();
const replacers = new WeakMap<RecordCipher, (compartments: CompartmentKeys, doorKey?: CryptoKey) => void>();

/**
 * Gives `cipher` a new set of compartment keys (and a new door key, when that is what changed):
 * after the manager changes a compartment's key, their own session seals under the new generation
 * at once, and drops the older one once every record is sealed again. A cipher whose keys were
 * dropped stays without any.
 */
export function replaceCipherCompartments(
  cipher: RecordCipher,
  compartments: CompartmentKeys,
  doorKey?: CryptoKey,
): void {
  replacers.get(cipher)?.(compartments, doorKey);
}

/**
 * Makes `cipher` let go of every key it holds, at once: from now on it seals and opens nothing
 * (`KeysDroppedError`). A seal or open already called has taken its key and finishes; nothing
 * started later can. Keys cannot be wiped in a page, so dropping every reference is the drop.
 */
export function forgetCipherKeys(cipher: RecordCipher): void {
  forgetters.get(cipher)?.();
}

/** A cipher over the door key and whichever other compartment keys the session holds. */
export function createRecordCipher(doorKey: CryptoKey, compartments: CompartmentKeys = {}): RecordCipher {
  // Index keys by door key and index: an older door generation's are needed while it is changed.
  const indexKeys = new Map<CryptoKey, Map<string, Promise<CryptoKey>>>();
  type Held = {
    doorKey: CryptoKey;
    older: CompartmentKeys['older'];
    lookup: ReturnType<typeof compartmentKeyLookup>;
  };
  const holding = (door: CryptoKey, keys: CompartmentKeys): Held => ({
    doorKey: door,
    older: keys.older,
    lookup: compartmentKeyLookup(keys),
  });
  let held: Held | undefined = holding(doorKey, compartments);
  const hashUnder = async (door: CryptoKey, index: string, value: string): Promise<string> => {
    let byIndex = indexKeys.get(door);
    if (!byIndex) {
      byIndex = new Map();
      indexKeys.set(door, byIndex);
    }
    let key = byIndex.get(index);
    if (!key) {
      key = indexKey(door, index);
      byIndex.set(index, key);
    }
    const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(value));
    return hexOf(mac);
  };
  // Takes the key before its first await, so a seal called just before the keys are dropped
  // already has its key and is not lost to the drop (the lock keeps drafts this way).
  const required = async (
    compartment: string | undefined,
    generation?: number,
  ): Promise<{ key: CryptoKey; generation: number }> => {
    if (!held) throw new KeysDroppedError();
    const { lookup, doorKey: newestDoorKey } = held;
    const name = compartment ?? 'door';
    const wanted = generation ?? lookup.generationOf(name);
    const key =
      name === 'door' && wanted === lookup.generationOf('door')
        ? newestDoorKey
        : await lookup.keyOf(name, wanted);
    if (!key) throw new CompartmentLockedError(name);
    return { key, generation: wanted };
  };
  const cipher: RecordCipher = {
    async seal(context, value, compartment) {
      const { key, generation } = await required(compartment);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
        key,
        encoder.encode(JSON.stringify(value)),
      );
      // A door box names no compartment (every row sealed before compartments were); after the
      // door key is changed it names its generation only.
      if (compartment === undefined || compartment === 'door')
        return generation > 1 ? { iv, data, generation } : { iv, data };
      return generation > 1 ? { iv, data, compartment, generation } : { iv, data, compartment };
    },
    async open(context, box) {
      const { key } = await required(box.compartment, box.generation ?? 1);
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: box.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
        key,
        box.data,
      );
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
    holds: (compartment) => held !== undefined && (compartment === 'door' || held.lookup.holds(compartment)),
    async indexHash(index, value) {
      if (!held) throw new KeysDroppedError();
      return hashUnder(held.doorKey, index, value);
    },
    async indexHashes(index, value) {
      if (!held) throw new KeysDroppedError();
      const older = (held.older ?? []).filter((key) => key.name === 'door').map((key) => key.key);
      return Promise.all([held.doorKey, ...older].map((key) => hashUnder(key, index, value)));
    },
  };
  forgetters.set(cipher, () => {
    held = undefined;
    indexKeys.clear();
  });
  replacers.set(cipher, (next, nextDoorKey) => {
    if (held) held = holding(nextDoorKey ?? held.doorKey, next);
  });
  return cipher;
}

/** A new random 256-bit data key. Extractable only so that it can be wrapped for each account. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
