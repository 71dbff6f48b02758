import { base64UrlToBytes, bytesToBase64Url } from '../bytes';

/**
 * Stored rows hold bytes (a sealed box's iv is a `Uint8Array`, its data an `ArrayBuffer`), which
 * JSON loses. Inside a sync envelope they travel tagged, `{ "$u8": "<base64url>" }` or
 * `{ "$ab": "<base64url>" }`, and come back as the same types, so the row that reaches another
 * computer is the row that was stored here, byte for byte, and its seal still opens.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// By tag, not `instanceof`: rows read back from IndexedDB may come from another realm.
const tagOf = (value: unknown) => Object.prototype.toString.call(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && tagOf(value) === '[object Object]';

export function toSyncJson(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A row held a number JSON cannot carry.');
    return value;
  }
  if (tagOf(value) === '[object Uint8Array]') return { $u8: bytesToBase64Url(value as Uint8Array) };
  if (tagOf(value) === '[object ArrayBuffer]')
    return { $ab: bytesToBase64Url(new Uint8Array(value as ArrayBuffer)) };
  if (Array.isArray(value)) return value.map(toSyncJson);
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toSyncJson(item);
    return out;
  }
  throw new Error('A row held a value that cannot be synced.');
}

export function fromSyncJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromSyncJson);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value.$u8 === 'string') return base64UrlToBytes(value.$u8);
  if (keys.length === 1 && typeof value.$ab === 'string') return base64UrlToBytes(value.$ab).buffer;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = fromSyncJson(item);
  return out;
}
