import { createSHA256 } from 'hash-wasm';
import { base64ToBytes, bytesToBase64, hexOf } from '@shared/bytes';
import { keyShapeOf } from '../key-shapes';

/**
 * How stored rows travel in a backup: as JSON, with bytes (IV, sealed data, salts) tagged so they
 * come back as the same types, and object keys sorted so the same row always gives the same text.
 * That text is also what each table's digest is taken over, so "identical per-table hashes" after
 * a restore means the rows are identical as IndexedDB holds them.
 */

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/** A stored value as plain JSON data (bytes and dates tagged, keys sorted). */
export function toPlain(value: unknown): Plain {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A stored number is not finite');
    return value;
  }
  const tag = tagOf(value);
  if (tag === '[object Uint8Array]') return { $bytes: bytesToBase64(value as Uint8Array) };
  if (tag === '[object ArrayBuffer]') return { $buffer: bytesToBase64(new Uint8Array(value as ArrayBuffer)) };
  if (tag === '[object Date]') return { $date: (value as Date).toISOString() };
  if (Array.isArray(value)) return value.map((item) => toPlain(item ?? null));
  if (tag === '[object Object]') {
    const out: { [key: string]: Plain } = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = toPlain(item);
    }
    return out;
  }
  throw new Error(`A stored value of an unexpected kind (${tag}) cannot be backed up`);
}

/**
 * `JSON.stringify(toPlain(value))`, written straight out without the plain copy in between: a
 * backup serialises every row, and building each row twice cost more than the text itself.
 */
export function plainText(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A stored number is not finite');
    return JSON.stringify(value);
  }
  const tag = tagOf(value);
  // Base64 and ISO dates hold nothing JSON escapes.
  if (tag === '[object Uint8Array]') return `{"$bytes":"${bytesToBase64(value as Uint8Array)}"}`;
  if (tag === '[object ArrayBuffer]')
    return `{"$buffer":"${bytesToBase64(new Uint8Array(value as ArrayBuffer))}"}`;
  if (tag === '[object Date]') return `{"$date":"${(value as Date).toISOString()}"}`;
  if (Array.isArray(value)) {
    let text = '[';
    for (let at = 0; at < value.length; at += 1) {
      if (at > 0) text += ',';
      text += plainText(value[at] ?? null);
    }
    return `${text}]`;
  }
  if (tag === '[object Object]') {
    const shape = keyShapeOf(Object.keys(value as object));
    let text = '{';
    for (let at = 0; at < shape.sorted.length; at += 1) {
      const item = (value as Record<string, unknown>)[shape.sorted[at] ?? ''];
      if (item === undefined) continue;
      text += (text.length > 1 ? shape.nextHeads[at] : shape.heads[at]) ?? '';
      text += plainText(item);
    }
    return `${text}}`;
  }
  throw new Error(`A stored value of an unexpected kind (${tag}) cannot be backed up`);
}

/** The inverse of `toPlain`. */
export function fromPlain(value: Plain): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const only = value[keys[0] ?? ''];
    if (typeof only === 'string') {
      if (keys[0] === '$bytes') return base64ToBytes(only);
      if (keys[0] === '$buffer') return base64ToBytes(only).buffer;
      if (keys[0] === '$date') return new Date(only);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = fromPlain(value[key] ?? null);
  return out;
}

/** A running SHA-256 over a table's rows, in primary-key order. */
export async function tableDigester() {
  const hasher = await createSHA256();
  hasher.init();
  let rows = 0;
  /** A row already serialised with JSON.stringify (as `add` would). */
  const addText = (rowText: string) => {
    hasher.update(`${rowText}\n`);
    rows += 1;
  };
  /**
   * Rows already serialised, in order: the same digest as `addText` on each, in one update (a
   * call into the hasher per row costs more than hashing the row).
   */
  const addTexts = (rowTexts: readonly string[]) => {
    if (rowTexts.length === 0) return;
    hasher.update(`${rowTexts.join('\n')}\n`);
    rows += rowTexts.length;
  };
  return {
    add: (plainRow: Plain) => addText(JSON.stringify(plainRow)),
    addText,
    addTexts,
    finish: () => ({ rows, sha256: hasher.digest('hex') }),
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const chunkContext = (backupId: string, index: number) =>
  encoder.encode(`family-links-backup:${backupId}:${index}`);

/** A chunk sealed under the data key, bound to its backup and its place: IV then ciphertext, as base64. */
export async function sealChunk(
  dataKey: CryptoKey,
  backupId: string,
  index: number,
  content: unknown,
): Promise<string> {
  return sealChunkBytes(dataKey, backupId, index, encoder.encode(JSON.stringify(content)));
}

/** `sealChunk` for content already serialised as JSON and encoded as UTF-8. */
export async function sealChunkBytes(
  dataKey: CryptoKey,
  backupId: string,
  index: number,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: chunkContext(backupId, index) },
    dataKey,
    bytes,
  );
  // Twelve bytes are four whole base64 groups, so the IV's base64 and the ciphertext's, side by
  // side, are the base64 of the two together: no copy of the ciphertext to join them.
  return bytesToBase64(iv) + bytesToBase64(new Uint8Array(data));
}

/** The SHA-256 of a chunk's bytes (WebCrypto: native, off this thread), in hex, as a manifest lists it. */
export async function chunkDigest(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hexOf(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * Opens a chunk to its bytes (UTF-8 JSON, not yet decoded); throws (OperationError) when the key
 * is wrong or the chunk was changed or moved.
 */
export async function openChunkBytes(
  dataKey: CryptoKey,
  backupId: string,
  index: number,
  base64: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = base64ToBytes(base64);
  if (bytes.byteLength < 28) throw new Error('A backup chunk is too short');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: chunkContext(backupId, index) },
    dataKey,
    bytes.subarray(12),
  );
  return new Uint8Array(plain);
}

/** A chunk's bytes as its JSON text. */
export function chunkText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * Writes chunks of rows as the UTF-8 bytes of `JSON.stringify({ table, rows: rows.map(toPlain) })`,
 * each row's text encoded into one buffer kept from chunk to chunk. The same bytes as
 * encoding the joined text, for about half the time: a page's text joined from a thousand
 * rows' texts is encoded only after the engine has copied every piece of it into one string, and
 * a row's text is small enough to stay in the processor's cache between being made and encoded.
 */
export function chunkWriter(): {
  readonly chunk: (table: string, rows: readonly unknown[]) => Uint8Array<ArrayBuffer>;
} {
  let buffer = new Uint8Array(1 << 20);
  let length = 0;
  const write = (text: string) => {
    // UTF-8 takes at most three bytes for each UTF-16 code unit.
    const needed = length + text.length * 3;
    if (needed > buffer.length) {
      const larger = new Uint8Array(Math.max(needed, buffer.length * 2));
      larger.set(buffer.subarray(0, length));
      buffer = larger;
    }
    length += encoder.encodeInto(text, buffer.subarray(length)).written;
  };
  return {
    chunk(table, rows) {
      length = 0;
      write(`{"table":${JSON.stringify(table)},"rows":[`);
      for (let at = 0; at < rows.length; at += 1)
        write(at > 0 ? `,${plainText(rows[at])}` : plainText(rows[at]));
      write(']}');
      // A copy of its own: the buffer is written over by the next chunk while this one is sealed.
      return buffer.slice(0, length);
    },
  };
}
