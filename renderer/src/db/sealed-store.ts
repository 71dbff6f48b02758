import type { IndexableType, Table } from 'dexie';
import { sameBytes } from '@shared/bytes';
import type { Failed } from '@shared/result';
import type { RecordCipher, SealedBox } from './encryption/record-cipher';
import type { RowWrite, WriteStep } from './record-writer';
import type { SealedCodec } from './sealed-codec';
import { DamagedRecordError } from './row-binding';
import type { Author } from './session';

/** Rows opened one by one: the records, and the rows that did not open. */
export type Opened<Record> = { readonly records: Record[]; readonly damaged: DamagedRecordError[] };

/**
 * Waits for every opening and sorts what came back: the records, and the rows that did not open
 * (changed outside the app, so a screen can show them as damaged). Any other failure is a bug and
 * is thrown.
 */
export async function openedOrDamaged<Record>(openings: readonly Promise<Record>[]): Promise<Opened<Record>> {
  const settled = await Promise.allSettled(openings);
  const records: Record[] = [];
  const damaged: DamagedRecordError[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') records.push(outcome.value);
    else if (outcome.reason instanceof DamagedRecordError) damaged.push(outcome.reason);
    else throw outcome.reason;
  }
  return { records, damaged };
}

/** What every sealed row has: its id, and the sealed part whose IV changes with every save. */
type SealedRowBase = { readonly id: string; readonly sealed: SealedBox };

/**
 * One sealed table: its reads, and the write steps a repository hands `recordWriter`. Opening is
 * done after a transaction closes and sealing before one opens (the writer does that), because
 * awaiting WebCrypto inside a transaction lets IndexedDB commit it.
 */
export function sealedStore<Record extends { id: string }, Row extends SealedRowBase>(
  table: Table<Row, string>,
  codec: SealedCodec<Record, never, Row>,
) {
  const seal = (records: readonly Record[], author: Author | undefined) => {
    if (!author) throw new Error(`Rows of ${codec.table} are sealed: write them with an author's keys`);
    return Promise.all(records.map((record) => codec.encode(record, author.cipher)));
  };
  const step = <Code extends string = never>(
    prepare: (author: Author | undefined) => Promise<{
      write: RowWrite;
      check?: () => Promise<Failed<Code> | undefined>;
    }>,
  ): WriteStep<Code> => ({ table, prepare });

  return {
    table,
    codec,
    open: (rows: readonly Row[], cipher: RecordCipher) =>
      Promise.all(rows.map((row) => codec.decode(row, cipher))),
    /**
     * Opens what opens and hands back, beside it, the rows that do not (changed outside the app):
     * for screens that must show a damaged record as damaged rather than fail or leave it out.
     */
    openEach: (rows: readonly Row[], cipher: RecordCipher): Promise<Opened<Record>> =>
      openedOrDamaged(rows.map((row) => codec.decode(row, cipher))),
    async get(id: string, cipher: RecordCipher): Promise<Record | undefined> {
      const row = await table.get(id);
      return row ? codec.decode(row, cipher) : undefined;
    },
    async all(cipher: RecordCipher): Promise<Record[]> {
      return Promise.all((await table.toArray()).map((row) => codec.decode(row, cipher)));
    },

    /** New records; IndexedDB refuses the change if one's id (or a unique index) is taken. */
    insert: (...records: readonly Record[]) =>
      step(async (author) => ({ write: { kind: 'add', table, rows: await seal(records, author) } })),
    /** Many new records at once (imports): the same as `insert`, for lists too long to spread. */
    insertAll: (records: readonly Record[]) =>
      step(async (author) => ({ write: { kind: 'add', table, rows: await seal(records, author) } })),
    /** Stores records whatever is there: for rows only this person's action writes. */
    put: (...records: readonly Record[]) =>
      step(async (author) => ({ write: { kind: 'put', table, rows: await seal(records, author) } })),
    putAll: (records: readonly Record[]) =>
      step(async (author) => ({ write: { kind: 'put', table, rows: await seal(records, author) } })),

    /**
     * Stores `record` over the row it was opened from, unless someone saved that row since it was
     * `read` (or it has gone): then the whole change is refused with `changedElsewhere`, and their
     * change is not lost.
     */
    replace: <Code extends string>(read: Row, record: Record, changedElsewhere: Failed<Code>) =>
      step<Code>(async (author) => ({
        write: { kind: 'put', table, rows: await seal([record], author) },
        async check() {
          const stored = await table.get(read.id);
          return stored && sameBytes(stored.sealed.iv, read.sealed.iv) ? undefined : changedElsewhere;
        },
      })),
  };
}

/** A table stored as it is (settings, rooms, account keys, queues): no personal data, nothing to seal. */
export function plainStore<Row, Key extends IndexableType>(table: Table<Row, Key>) {
  const step = (write: RowWrite): WriteStep => ({ table, prepare: () => Promise.resolve({ write }) });
  return {
    table,
    insert: (...rows: readonly Row[]) => step({ kind: 'add', table, rows }),
    put: (...rows: readonly Row[]) => step({ kind: 'put', table, rows }),
    putAll: (rows: readonly Row[]) => step({ kind: 'put', table, rows }),
    delete: (...keys: readonly Key[]) => step({ kind: 'delete', table, keys }),
    /** Every row whose `index` equals `value` (a person's relationships, replaced as a set). */
    deleteWhere: (index: string, value: IndexableType) =>
      step({ kind: 'delete-where', table, index, equals: value }),
  };
}
