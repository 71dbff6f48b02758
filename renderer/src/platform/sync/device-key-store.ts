import { Dexie, type Table } from 'dexie';
import { generateExchangeKeyPair } from '@shared/sync/rekey';
import { exportDevicePublicKey } from '@shared/sync/sync-envelope';

/**
 * This computer's own keys for sync (docs/sync-design.md, "Keys"), in an IndexedDB database of
 * their own so that no backup carries them (a backup reads the records' database only, and a
 * restored backup must not give another computer this one's identity):
 *
 * - its signing key pair (ECDSA P-256), the private half made non-extractable by WebCrypto and
 *   kept as a `CryptoKey`: the browser stores it without its bytes ever reaching script;
 * - a wrapping key (AES-GCM, non-extractable) under which the home's sync key `K` is kept in the
 *   records' database, so `K` is never plain at rest and opens only on this computer;
 * - an exchange key pair (ECDH P-256, private half non-extractable), to which a new `K` is wrapped
 *   when a computer is removed (`shared/sync/rekey.ts`). Computers set up before it had none: it
 *   is made the first time sync starts there, and its signed public half published then.
 */

export const deviceKeyDatabaseName = 'family-links-device';

export type StoredDeviceKeys = {
  readonly id: 'this-computer';
  readonly deviceId: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public key as the registry carries it. */
  readonly publicKeyText: string;
  readonly wrappingKey: CryptoKey;
  readonly exchangeKey?: { readonly privateKey: CryptoKey; readonly publicKeyText: string };
};

class DeviceKeyDb extends Dexie {
  declare keys: Table<StoredDeviceKeys, string>;
  constructor(indexedDB?: IDBFactory) {
    super(deviceKeyDatabaseName, indexedDB ? { indexedDB } : undefined);
    this.version(1).stores({ keys: 'id' });
  }
}

export type DeviceKeyStore = {
  /** This computer's keys for `deviceId`, made the first time and the same ever after. */
  keysFor(deviceId: string): Promise<StoredDeviceKeys>;
  /** This computer's exchange key pair, made the first time it is asked for. */
  exchangeKeyFor(deviceId: string): Promise<NonNullable<StoredDeviceKeys['exchangeKey']>>;
  /** The keys already made, if any. */
  current(): Promise<StoredDeviceKeys | undefined>;
  close(): void;
};

export function openDeviceKeyStore(indexedDB?: IDBFactory): DeviceKeyStore {
  const db = new DeviceKeyDb(indexedDB);
  return {
    current: () => db.keys.get('this-computer'),
    async keysFor(deviceId) {
      const existing = await db.keys.get('this-computer');
      if (existing?.deviceId === deviceId) return existing;
      // Made outside the transaction (WebCrypto cannot run inside one); the first to commit wins.
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ]);
      const wrappingKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      const made: StoredDeviceKeys = {
        id: 'this-computer',
        deviceId,
        privateKey: pair.privateKey,
        publicKey: pair.publicKey,
        publicKeyText: await exportDevicePublicKey(pair.publicKey),
        wrappingKey,
      };
      return db.transaction('rw', db.keys, async () => {
        const raced = await db.keys.get('this-computer');
        if (raced?.deviceId === deviceId) return raced;
        await db.keys.put(made);
        return made;
      });
    },
    async exchangeKeyFor(deviceId) {
      const keys = await this.keysFor(deviceId);
      if (keys.exchangeKey) return keys.exchangeKey;
      const made = await generateExchangeKeyPair();
      return db.transaction('rw', db.keys, async () => {
        const raced = await db.keys.get('this-computer');
        if (raced?.exchangeKey) return raced.exchangeKey;
        await db.keys.put({ ...keys, exchangeKey: made });
        return made;
      });
    },
    close: () => db.close(),
  };
}
