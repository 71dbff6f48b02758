/**
 * Bytes as text and back: base64 for bytes that cross the IPC bridge or sit inside JSON (a signed
 * PDF, a backup's sealed rows), base64url for what sync writes (ids, keys, sealed bodies, CouchDB
 * document ids), hex for digests and secrets handed to the main process. Runs
 * everywhere: Node's Buffer where there is one (the main process, ~50x faster), the built-in
 * Uint8Array base64 methods where the browser has them (Chromium 140 on: a backup encodes and
 * decodes every sealed row, and these are many times faster than a loop), btoa/atob otherwise.
 */

type NodeBuffer = {
  from(data: Uint8Array | string, encoding?: string): Uint8Array & { toString(encoding: string): string };
};
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

type NativeBase64 = {
  readonly toBase64?: (
    this: Uint8Array,
    options?: { alphabet?: 'base64' | 'base64url'; omitPadding?: boolean },
  ) => string;
};
type NativeFromBase64 = {
  readonly fromBase64?: (
    text: string,
    options?: { alphabet?: 'base64' | 'base64url' },
  ) => Uint8Array<ArrayBuffer>;
};
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeFromBase64).fromBase64;

/** Base64 of `bytes`, in chunks so a large PDF does not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes).toString('base64');
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

/** The bytes of a base64 text, over a plain ArrayBuffer of their own. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (nodeBuffer) {
    const decoded = nodeBuffer.from(base64, 'base64');
    // A copy over a plain ArrayBuffer of its own (Buffer slices share a pool).
    return new Uint8Array(decoded);
  }
  if (nativeFromBase64) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Base64url text (RFC 4648 §5), unpadded: letters, digits, `-` and `_`. */
export const base64UrlText = /^[A-Za-z0-9_-]*$/;

/** Bytes as base64url text without padding: safe in JSON, URLs and CouchDB ids. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes).toString('base64url');
  if (nativeToBase64) return nativeToBase64.call(bytes, { alphabet: 'base64url', omitPadding: true });
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The reverse of `bytesToBase64Url`; throws on text that is not base64url. Checked here rather
 * than left to the decoder, because Node's skips a character it does not know where the others
 * refuse it, and a sync document that decodes differently on two computers must not be possible.
 */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  // A single character left over after the groups of four cannot be a whole byte.
  if (!base64UrlText.test(text) || text.length % 4 === 1) throw new Error('Not base64url text.');
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(text, 'base64url'));
  if (nativeFromBase64) return nativeFromBase64(text, { alphabet: 'base64url' });
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return base64ToBytes(padded);
}

/** Lower-case hex of `bytes`, two digits a byte. */
export function hexOf(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** The SHA-256 of `text` as UTF-8, in hex: kept with a disclosure so a copy can be recognised later. */
export async function sha256Hex(text: string): Promise<string> {
  return hexOf(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  // A plain loop: a restore compares every sealed row it reads back, and a callback a byte costs.
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}
