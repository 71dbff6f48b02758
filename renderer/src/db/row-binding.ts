import type { RecordCipher } from './encryption/record-cipher';
import { keyShapeOf } from './key-shapes';

/**
 * What a sealed row's seal covers. From format 2 on, the additional data of every seal is the
 * table, the row's id and every plain field of the row (everything but the sealed part itself),
 * written out canonically: a plain field edited in IndexedDB (a restriction's end date, a staff
 * member's roles) makes the row fail to open, instead of overriding what was sealed. Rows sealed
 * before format 2 bound only `${table}:${id}`; they carry no `sealFormat`, are opened the old way
 * until the signed-in session has sealed them again, and are refused once the home says every row
 * is sealed the new way (`refuseOldFormatRows`).
 */
export const currentSealFormat = 2;

/**
 * Why a record is not trusted: its seal does not open, it was sealed the old way after the home
 * was sealed again, or (a plain row the audit log vouches for) it is not what the log says.
 */
export type DamagedReason = 'does-not-open' | 'old-format-refused' | 'not-as-logged';

/** Thrown when a sealed row does not open: changed outside Family Links, or sealed for another row. */
export class DamagedRecordError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
    readonly reason: DamagedReason,
  ) {
    super(`A record in ${table} has been changed outside Family Links and cannot be trusted`);
    this.name = 'DamagedRecordError';
  }
}

/**
 * The additional data for a format-2 row: a deterministic serialisation of the table, the id and
 * the plain fields (object keys sorted at every depth, `undefined` left out, arrays in order), so
 * the same row always gives the same bytes whatever order its fields were written in.
 */
export function rowBinding(table: string, plain: Readonly<Record<string, unknown>>): string {
  return `family-links/row/${currentSealFormat}\n${table}\n${canonicalJson(plain)}`;
}

/** The additional data rows sealed before format 2 carry. */
export function oldFormatBinding(table: string, id: string): string {
  return `${table}:${id}`;
}

/**
 * Any character `JSON.stringify` writes other than as itself: all but these code units, so the
 * quote, the backslash, control characters and surrogates (a lone one is escaped, a pair is not,
 * so both go the long way).
 */
const escapedInJson = /[^\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]/;

/** A string as `JSON.stringify` writes it: most plain fields are ids and dates, with nothing to escape. */
function jsonString(text: string): string {
  return escapedInJson.test(text) ? JSON.stringify(text) : `"${text}"`;
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('A plain field holds a number that is not finite');
      return JSON.stringify(value);
    case 'object': {
      // Loops and string appends rather than entries, filter, map and join: every sealed row read
      // is bound this way, and a week of 500 visits felt the arrays made for each one.
      if (Array.isArray(value)) {
        let text = '[';
        for (let index = 0; index < value.length; index += 1) {
          if (index > 0) text += ',';
          // A hole in an array was written as nothing between the commas; it stays so.
          if (index in value) text += canonicalJson(value[index]);
        }
        return `${text}]`;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype)
        throw new Error('A plain field holds something that is not plain data');
      const record = value as Record<string, unknown>;
      // A table's rows share a few shapes, so keys are sorted and written once a shape
      // (`keyShapeOf`): the cold termly overview binds 14,000 forms and visits, and for 11,200
      // rows shaped as forms this took binding from 88 to 57 ms (Node), and writing plain
      // strings without JSON.stringify from 57 to 40.
      const shape = keyShapeOf(Object.keys(record));
      let text = '{';
      for (let at = 0; at < shape.sorted.length; at += 1) {
        const item = record[shape.sorted[at] ?? ''];
        if (item === undefined) continue;
        text += (text.length > 1 ? shape.nextHeads[at] : shape.heads[at]) ?? '';
        text += canonicalJson(item);
      }
      return `${text}}`;
    }
    default:
      throw new Error(`A plain field holds a ${typeof value}, which cannot be bound into a seal`);
  }
}

// Sessions (by their cipher) that refuse rows sealed before format 2: set once the home's
// sealed marker has opened, so an old-format row found after that can only be one put back.
const refusingOldFormat = new WeakSet<RecordCipher>();

export function refuseOldFormatRows(cipher: RecordCipher): void {
  refusingOldFormat.add(cipher);
}

export function refusesOldFormatRows(cipher: RecordCipher): boolean {
  return refusingOldFormat.has(cipher);
}
