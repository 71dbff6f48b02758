import type { Table } from 'dexie';
import type { FamilyLinksDb } from '../database';
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
 * The rows a one-off job still has to do (`isPending`), a chunk of the table at a time, opened:
 * `ready` to store again, and how many of the chunk's rows did not open (noted as damaged and
 * left as they are). A chunk with nothing pending is passed over.
 */
export async function* pendingChunksOpened<Row extends { readonly id: string }, Record>(
  db: FamilyLinksDb,
  session: Session,
  table: Table<Row, string>,
  size: number,
  isPending: (row: Row) => boolean,
  decode: (row: Row) => Promise<Record>,
): AsyncGenerator<{ readonly ready: { row: Row; record: Record }[]; readonly damaged: number }> {
  for await (const rows of chunksById(table, size)) {
    const pending = rows.filter(isPending);
    if (pending.length > 0) yield await openNotingDamaged(db, session, pending, decode);
  }
}
