import type { Table } from 'dexie';
import type { RecordCipher } from './encryption/record-cipher';
import type { SealedCodec, SealedRow } from './sealed-codec';

/**
 * The read and write steps every sealed table shares. Sealing is done before a transaction
 * opens and opening after it closes, because awaiting WebCrypto inside one lets it commit.
 */
export function sealedStore<Record extends { id: string }, PlainKey extends keyof Record>(
  table: Table<SealedRow<Record, PlainKey>, string>,
  codec: SealedCodec<Record, PlainKey>,
) {
  return {
    table,
    seal: (records: readonly Record[], cipher: RecordCipher) =>
      Promise.all(records.map((record) => codec.encode(record, cipher))),
    open: (rows: readonly SealedRow<Record, PlainKey>[], cipher: RecordCipher) =>
      Promise.all(rows.map((row) => codec.decode(row, cipher))),
    async get(id: string, cipher: RecordCipher): Promise<Record | undefined> {
      const row = await table.get(id);
      return row ? codec.decode(row, cipher) : undefined;
    },
    async all(cipher: RecordCipher): Promise<Record[]> {
      return Promise.all((await table.toArray()).map((row) => codec.decode(row, cipher)));
    },
  };
}
