import type { Compartment } from '@shared/rules/compartments';
import type { z } from 'zod';
import type { RecordCipher, SealedBox } from './encryption/record-cipher';

/** A row as stored: the plain (indexed, non-personal) fields, and everything else sealed. */
export type SealedRow<Record, PlainKey extends keyof Record> = Pick<Record, PlainKey> & {
  readonly sealed: SealedBox;
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
 * The table and the row's id are bound into each seal (`${table}:${id}`): a sealed part copied
 * onto another row, or into another table, fails to open.
 *
 * With `compartment`, the sealed part goes under that compartment's key (see
 * `shared/rules/compartments.ts`), named by the table or worked out per record; the row names it,
 * and opening picks the key by that name, so rows sealed before (under the door key) still open.
 */
export function createSealedCodec<
  Schema extends z.ZodType<{ id: string }>,
  PlainKey extends keyof z.infer<Schema>,
>(
  table: string,
  schema: Schema,
  plainKeys: readonly PlainKey[],
  options: {
    readonly sealedField?: Exclude<keyof z.infer<Schema>, PlainKey>;
    readonly compartment?: CompartmentOf<z.infer<Schema>>;
  } = {},
): SealedCodec<z.infer<Schema>, PlainKey> {
  type Record = z.infer<Schema>;
  const context = (id: string) => `${table}:${id}`;
  const { sealedField, compartment } = options;
  return {
    table,
    async encode(record, cipher) {
      const plain: Partial<Record> = {};
      const secret: Partial<Record> = { ...record };
      for (const key of plainKeys) {
        plain[key] = record[key];
        delete secret[key];
      }
      const sealed = await cipher.seal(
        context(record.id),
        sealedField === undefined ? secret : record[sealedField],
        typeof compartment === 'function' ? compartment(record, cipher) : compartment,
      );
      return { ...(plain as Pick<Record, PlainKey>), sealed };
    },
    async decode(row, cipher) {
      const { sealed, ...plain } = row;
      const id = (plain as { id?: unknown }).id;
      if (typeof id !== 'string') throw new Error(`A row in ${table} has no id`);
      const secret = await cipher.open(context(id), sealed);
      return schema.parse(
        sealedField === undefined ? { ...(secret as object), ...plain } : { ...plain, [sealedField]: secret },
      );
    },
  };
}
