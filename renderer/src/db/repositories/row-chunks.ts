import type { Table } from 'dexie';
import type { FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { openedOrDamaged } from '../sealed-store';
import type { Session } from '../session';
import { damagedRecordRepository } from './damaged-record-repository';

/**
 * A background job over a database that runs once at a time: a second call while the first is
 * under way shares its outcome rather than storing the same rows twice.
 */
export function oncePerDatabase<Outcome>(
  job: (db: FamilyLinksDb, session: Session) => Promise<Outcome>,
): (db: FamilyLinksDb, session: Session) => Promise<Outcome> {
  const running = new WeakMap<FamilyLinksDb, Promise<Outcome>>();
  return (db, session) => {
    const existing = running.get(db);
    if (existing) return existing;
    const run = job(db, session).finally(() => running.delete(db));
    running.set(db, run);
    return run;
  };
}

/**
 * Every row of a table in id order, `size` at a time, so a job over a large home holds one chunk
 * in memory and writes one chunk per transaction.
 */
async function* chunksById<Row extends { readonly id: string }>(
  table: Table<Row, string>,
  size: number,
): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(size)
      .toArray();
    const last = rows[rows.length - 1];
    if (!last) return;
    after = last.id;
    yield rows;
  }
}

/**
 * Opens each row; those that do not open (changed outside Family Links) are noted as damaged and
 * left as they are. Any other failure is a bug and is thrown.
 */
async function openNotingDamaged<Row, Record>(
  db: FamilyLinksDb,
  session: Session,
  rows: readonly Row[],
  decode: (row: Row) => Promise<Record>,
): Promise<{ readonly ready: { row: Row; record: Record }[]; readonly damaged: number }> {
  const { records: ready, damaged: found } = await openedOrDamaged(
    rows.map(async (row) => ({ row, record: await decode(row) })),
  );
  if (found.length > 0) await damagedRecordRepository(db).note(session, found);
  return { ready, damaged: found.length };
}

/**
 * The rows a one-off job still has to do (`isPending`), a chunk of the table at a time, opened
 * and ready to store again. Rows that do not open (changed outside Family Links) are noted as
 * damaged, left as they are and counted in `damaged`; a chunk with nothing ready is passed over.
 */
export function pendingRows<Row extends { readonly id: string }, Record>(
  db: FamilyLinksDb,
  session: Session,
  job: {
    readonly table: Table<Row, string>;
    readonly codec: { decode(row: Row, cipher: RecordCipher): Promise<Record> };
    readonly chunkSize: number;
    readonly isPending: (row: Row) => boolean;
  },
) {
  let damaged = 0;
  return {
    get damaged() {
      return damaged;
    },
    async *chunks(): AsyncGenerator<{ row: Row; record: Record }[]> {
      for await (const rows of chunksById(job.table, job.chunkSize)) {
        const pending = rows.filter(job.isPending);
        if (pending.length === 0) continue;
        const opened = await openNotingDamaged(db, session, pending, (row) =>
          job.codec.decode(row, session.cipher),
        );
        damaged += opened.damaged;
        if (opened.ready.length > 0) yield opened.ready;
      }
    },
  };
}
