import { z } from 'zod';

/** Base64url text, as every sync id, key and signature is written. */
const base64UrlText = /^[A-Za-z0-9_-]*$/;

/** A schema for base64url text of `min` to `max` characters: a key, an IV, a sealed body or a signature. */
export const base64UrlSchema = (min: number, max: number) =>
  z.string().min(min).max(max).regex(base64UrlText, { message: 'Expected base64url text.' });

/** Bytes as base64url text without padding (RFC 4648 §5): safe in JSON, URLs and CouchDB ids. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The reverse of `toBase64Url`; throws on text that is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!base64UrlText.test(text)) throw new Error('Not base64url text.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
