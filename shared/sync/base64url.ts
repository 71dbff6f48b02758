import { z } from 'zod';
import { base64UrlText } from '../bytes';

/** A schema for base64url text of `min` to `max` characters: a key, an IV, a sealed body or a signature. */
export const base64UrlSchema = (min: number, max: number) =>
  z.string().min(min).max(max).regex(base64UrlText, { message: 'Expected base64url text.' });

/** A raw P-256 public key (an uncompressed point, 65 bytes) as base64url: a computer's or a one-off key's. */
export const p256PublicKeySchema = base64UrlSchema(87, 87);
