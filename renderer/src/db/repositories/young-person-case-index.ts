import { fail } from '@shared/result';
import type { YoungPerson } from '@shared/schemas/people';
import type { FamilyLinksDb, YoungPersonRow } from '../database';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { oncePerDatabase, pendingRows } from './row-chunks';
import { caseNumberIndexOf, sharedCaseNumberCodec, youngPersonCodec } from './young-people-repository';

const chunkSize = 250;

export type CaseNumberIndexOutcome = {
  /** Young people stored again with their case number sealed and its keyed hash indexed. */
  readonly indexed: number;
  /** Of those, how many share a case number with another young person (see `sharedCaseNumberCodec`). */
  readonly shared: number;
  /** Rows that did not open (changed outside Family Links): noted as damaged, left as they are. */
  readonly damaged: number;
  /** Rows saved by someone else meanwhile, or whose hash was taken meanwhile: tried at the next sign-in. */
  readonly left: number;
};

/**
 * Stores again every young person stored while case numbers were plain (before the schema
 * version that indexes their keyed hash), whose number is still in the clear: opened with the
 * door key (every role holds it, so whoever signs in first does it), sealed with the case number
 * inside and its keyed hash beside it (`youngPersonCodec`). A migration holds no
 * key, so this runs after sign-in, a chunk at a time, each chunk one audited write that leaves
 * alone a row saved meanwhile (it was stored the new way). Interrupted, it runs again at the next
 * sign-in and finds only what is left: a row is done once it has a `caseNumberIndex`. Once per
 * database at a time; later calls share the run.
 */
export const indexCaseNumbers = oncePerDatabase(indexAll);

type Planned = { readonly row: YoungPersonRow; readonly record: YoungPerson; readonly index: string };

async function indexAll(db: FamilyLinksDb, session: Session): Promise<CaseNumberIndexOutcome> {
  const records = recordWriter(db);
  const changedMeanwhile = fail(
    'changed',
    'A young person was saved while their case number was being sealed.',
  );
  const unindexed = pendingRows(db, session, {
    table: db.youngPeople,
    codec: youngPersonCodec,
    chunkSize,
    isPending: (row) => row.caseNumberIndex === undefined,
  });
  let indexed = 0;
  let shared = 0;
  let left = 0;
  for await (const ready of unindexed.chunks()) {
    // Two young people whose numbers were different as typed may have the same number as it is
    // compared now: the first keeps the hash, any other gets it with its id after it.
    const own: Planned[] = [];
    const sharing: Planned[] = [];
    const claimed = new Set<string>();
    for (const { row, record } of ready) {
      const index = await caseNumberIndexOf(session.cipher, record.caseNumber);
      const isTaken = claimed.has(index) || (await heldByOthers(db, index, record.id)) > 0;
      (isTaken ? sharing : own).push({ row, record, index });
      claimed.add(index);
    }
    const store = sealedStore(db.youngPeople, youngPersonCodec);
    const sharedStore = sealedStore(db.youngPeople, sharedCaseNumberCodec);
    const written = await records.write(session, {
      events: [
        {
          action: 'young-person.case-numbers-sealed',
          recordType: 'youngPerson',
          detail: `${ready.length} young people`,
        },
      ],
      writes: [
        ...own.map(({ row, record }) => store.replace(row, record, changedMeanwhile)),
        ...sharing.map(({ row, record }) => sharedStore.replace(row, record, changedMeanwhile)),
      ],
      // A hash taken since it was looked at (a young person added meanwhile) would break the
      // unique index: the chunk is refused and tried again at the next sign-in.
      async check() {
        for (const { record, index } of own)
          if ((await heldByOthers(db, index, record.id)) > 0) return changedMeanwhile;
        return undefined;
      },
    });
    if (written.ok) {
      indexed += ready.length;
      shared += sharing.length;
    } else left += ready.length;
  }
  return { indexed, shared, damaged: unindexed.damaged, left };
}

/** How many other young people hold `index` exactly (the first of those who share it holds it so). */
function heldByOthers(db: FamilyLinksDb, index: string, youngPersonId: string): Promise<number> {
  return db.youngPeople
    .where('caseNumberIndex')
    .equals(index)
    .filter((row) => row.id !== youngPersonId)
    .count();
}
