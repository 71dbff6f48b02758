import type { Compartment } from '@shared/rules/compartments';
import type { z } from 'zod';
import {
  CompartmentLockedError,
  KeysDroppedError,
  type RecordCipher,
  type SealedBox,
} from './encryption/record-cipher';
import {
  currentSealFormat,
  DamagedRecordError,
  oldFormatBinding,
  refusesOldFormatRows,
  rowBinding,
} from './row-binding';

/**
 * A row as stored: the plain (indexed, non-personal) fields, and everything else sealed.
 * `sealFormat` says what the seal covers (see `row-binding.ts`); rows sealed before it existed have none.
 */
export type SealedRow<Record, PlainKey extends keyof Record> = Pick<Record, PlainKey> & {
  readonly sealed: SealedBox;
  readonly sealFormat?: number;
};

/** How one table's records become rows and back. `Row` is what the table stores. */
export type SealedCodec<Record, PlainKey extends keyof Record, Row = SealedRow<Record, PlainKey>> = {
  readonly table: string;
  encode(record: Record, cipher: RecordCipher): Promise<Row>;
  decode(row: Row, cipher: RecordCipher): Promise<Record>;
};

/** Which compartment a table's records are sealed in: one for the table, or chosen per record. */
export type CompartmentOf<Record> =
  Compartment | ((record: Record, cipher: RecordCipher) => Compartment | undefined);

/**
 * How one table's records are split for storage. `plainKeys` must include the primary key and
 * every indexed field, and nothing a stranger could use to identify a child. On the way out the
 * whole record is parsed with its zod schema again, so a damaged row is caught, not shown.
 *
 * Normally everything but the plain keys is sealed together. With `sealedField`, the row seals
 * that one field's value (a restriction's earlier version kept beside the id of its history row).
 * `indexFields` adds plain fields worked out from the record for an index only (a visitor still
 * on site, or a keyed hash of a case number from `cipher.indexHash`). `formerlyPlain` names fields
 * that rows stored before kept plain and now live in the sealed part only: an older row is read
 * with its plain copy until it is stored again. Every plain field of the row, with the table, is
 * bound into the seal (`rowBinding`):
 * a plain field changed, added or removed outside the app, or a sealed part copied onto another
 * row or table, fails to open with a `DamagedRecordError`, and the plain copy is never trusted
 * over what was sealed.
 *
 * With `compartment`, the sealed part goes under that compartment's key (see
 * `shared/rules/compartments.ts`), named by the table or worked out per record; the row names it,
 * and opening picks the key by that name, so rows sealed before (under the door key) still open.
 * A row in a compartment this session does not hold is not damaged: `CompartmentLockedError`
 * passes through for the caller to leave it out; so does `KeysDroppedError` once the session is locked.
 */
export function createSealedCodec<
  Schema extends z.ZodType<{ id: string }>,
  PlainKey extends keyof z.infer<Schema>,
  IndexFields extends object = object,
>(
  table: string,
  schema: Schema,
  plainKeys: readonly PlainKey[],
  options: {
    readonly sealedField?: Exclude<keyof z.infer<Schema>, PlainKey>;
    readonly indexFields?: (
      record: z.infer<Schema>,
      cipher: RecordCipher,
    ) => IndexFields | Promise<IndexFields>;
    readonly formerlyPlain?: readonly Exclude<keyof z.infer<Schema>, PlainKey>[];
    readonly compartment?: CompartmentOf<z.infer<Schema>>;
  } = {},
): SealedCodec<z.infer<Schema>, PlainKey, SealedRow<z.infer<Schema>, PlainKey> & IndexFields> & {
  /** The record's schema and its plain fields: what a stored row may hold in the clear (sync checks rows by them). */
  readonly schema: Schema;
  readonly plainKeys: readonly PlainKey[];
  /**
   * Opens the row exactly as `decode` does (the whole seal authenticated, the same errors), but
   * parses only with `view`, a `pick` of the record's schema: a reader that uses a few fields of
   * many large records checks those fields and does not pay to check the rest.
   */
  decodeAs<View>(
    row: SealedRow<z.infer<Schema>, PlainKey> & IndexFields,
    cipher: RecordCipher,
    view: z.ZodType<View>,
  ): Promise<View>;
} {
  type Record = z.infer<Schema>;
  type Row = SealedRow<Record, PlainKey> & IndexFields;
  const { sealedField, indexFields, formerlyPlain = [], compartment } = options;
  const bound = (row: object) => rowBinding(table, row as { readonly [key: string]: unknown });
  return {
    table,
    schema,
    plainKeys,
    async encode(record, cipher) {
      const plain: Partial<Record> = {};
      const secret: Partial<Record> = { ...record };
      for (const key of plainKeys) {
        plain[key] = record[key];
        delete secret[key];
      }
      const clear = { ...plain, ...(await indexFields?.(record, cipher)), sealFormat: currentSealFormat };
      const sealed = await cipher.seal(
        bound(clear),
        sealedField === undefined ? secret : record[sealedField],
        typeof compartment === 'function' ? compartment(record, cipher) : compartment,
      );
      return { ...clear, sealed } as unknown as Row;
    },
    decode: (row, cipher) => opened(row, cipher, (value) => schema.parse(value)),
    decodeAs: (row, cipher, view) => opened(row, cipher, (value) => view.parse(value)),
  };

  async function opened<View>(
    row: Row,
    cipher: RecordCipher,
    parse: (value: unknown) => View,
  ): Promise<View> {
    const { sealed, ...clear } = row;
    const id = (clear as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error(`A row in ${table} has no id`);
    const format = (clear as { sealFormat?: unknown }).sealFormat;
    if (format === undefined && refusesOldFormatRows(cipher))
      throw new DamagedRecordError(table, id, 'old-format-refused');
    let secret: unknown;
    try {
      secret = await cipher.open(format === undefined ? oldFormatBinding(table, id) : bound(clear), sealed);
    } catch (error) {
      // A compartment this session does not hold, or keys dropped by a lock while this read was
      // under way, say nothing about the row: calling it damaged would raise a false alarm of
      // tampering in the audit log and on the manager's home.
      if (error instanceof CompartmentLockedError || error instanceof KeysDroppedError) throw error;
      throw new DamagedRecordError(table, id, 'does-not-open');
    }
    const plain: Partial<Record> = {};
    for (const key of formerlyPlain) {
      // A row stored while this field was plain keeps it there (bound into the seal from format 2).
      const value = (clear as unknown as Record)[key];
      if (value !== undefined) plain[key] = value;
    }
    for (const key of plainKeys) {
      // A row sealed before a field became plain keeps it in the sealed part only.
      const value = (clear as unknown as Record)[key];
      if (value !== undefined) plain[key] = value;
    }
    return parse(
      sealedField === undefined ? { ...(secret as object), ...plain } : { ...plain, [sealedField]: secret },
    );
  }
}
