import type { z } from 'zod';
import type { RecordCipher, SealedBox } from './encryption/record-cipher';

/** A row as stored: the plain (indexed, non-personal) fields, and everything else sealed. */
export type SealedRow<Record, PlainKey extends keyof Record> = Pick<Record, PlainKey> & {
  readonly sealed: SealedBox;
};

export type SealedCodec<Record, PlainKey extends keyof Record> = {
  readonly table: string;
  encode(record: Record, cipher: RecordCipher): Promise<SealedRow<Record, PlainKey>>;
  decode(row: SealedRow<Record, PlainKey>, cipher: RecordCipher): Promise<Record>;
};

/**
 * How one table's records are split for storage. `plainKeys` must include the primary key and
 * every indexed field, and nothing a stranger could use to identify a child. On the way out the
 * whole record is parsed with its zod schema again, so a damaged row is caught, not shown.
 */
export function createSealedCodec<
  Schema extends z.ZodType<{ id: string }>,
  PlainKey extends keyof z.infer<Schema>,
>(table: string, schema: Schema, plainKeys: readonly PlainKey[]): SealedCodec<z.infer<Schema>, PlainKey> {
  type Record = z.infer<Schema>;
  const context = (id: string) => `${table}:${id}`;
  return {
    table,
    async encode(record, cipher) {
      const plain: Partial<Record> = {};
      const secret: Partial<Record> = { ...record };
      for (const key of plainKeys) {
        plain[key] = record[key];
        delete secret[key];
      }
      const sealed = await cipher.seal(context(record.id), secret);
      return { ...(plain as Pick<Record, PlainKey>), sealed };
    },
    async decode(row, cipher) {
      const { sealed, ...plain } = row;
      const id = (plain as { id?: unknown }).id;
      if (typeof id !== 'string') throw new Error(`A row in ${table} has no id`);
      const secret = await cipher.open(context(id), sealed);
      return schema.parse({ ...(secret as object), ...plain });
    },
  };
}
