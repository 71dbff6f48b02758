import { youngPersonSchema, type YoungPerson } from '@shared/schemas/people';
import { validForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { displayName } from '@shared/display-names';
import { fail, ok, type Result } from '@shared/result';
import { caseFileFolderOf, normaliseCaseNumber } from '@shared/rules/case-number';
import type { FamilyLinksDb, YoungPersonPlainKey, YoungPersonRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';

/**
 * The keyed hash the young people's unique index holds for a case number: of the number as it is
 * compared (`normaliseCaseNumber`), so two that name one case file have the same hash.
 */
export function caseNumberIndexOf(cipher: RecordCipher, caseNumber: string): Promise<string> {
  return cipher.indexHash('youngPeople.caseNumber', normaliseCaseNumber(caseNumber));
}

function codecIndexedBy(index: (record: YoungPerson, cipher: RecordCipher) => Promise<string>) {
  return createSealedCodec('youngPeople', youngPersonSchema, ['id'] satisfies YoungPersonPlainKey[], {
    // Typed as the row has it: rows stored while case numbers were plain have no hash yet.
    indexFields: async (record, cipher): Promise<Pick<YoungPersonRow, 'caseNumberIndex'>> => ({
      caseNumberIndex: await index(record, cipher),
    }),
    formerlyPlain: ['caseNumber'],
  });
}

/**
 * Only the id is plain, with a keyed hash of the case number for the unique index: a case number
 * names a child (it is the case file's name), so it is sealed with the names, and the index can
 * find it but not show it. The hash is bound into the seal like any plain field.
 */
export const youngPersonCodec = codecIndexedBy((record, cipher) =>
  caseNumberIndexOf(cipher, record.caseNumber),
);

/**
 * For a young person whose case number another already had, compared the way it is now, when
 * the numbers were first indexed (`young-person-case-index.ts`): the hash with the row's id after
 * it, so the unique index takes both. A look-up by prefix still finds both, so neither can be
 * saved again until one of the numbers is corrected.
 */
export const sharedCaseNumberCodec = codecIndexedBy(
  async (record, cipher) => `${await caseNumberIndexOf(cipher, record.caseNumber)}~${record.id}`,
);

/**
 * The keyed hashes of `caseNumber` under every door key this session holds, newest first: while
 * the door key is being changed, a row not yet sealed again is indexed under the older one.
 */
export function caseNumberIndexesOf(cipher: RecordCipher, caseNumber: string): Promise<string[]> {
  return cipher.indexHashes('youngPeople.caseNumber', normaliseCaseNumber(caseNumber));
}

/**
 * Whether another young person holds `caseNumber`: by the index's keyed hash (with or without a
 * row id after it) under any door key held, or, for a row stored while case numbers were plain,
 * by its plain copy. Reads `db.youngPeople`; inside a transaction, pass the hashes worked out
 * before it opened.
 */
export async function caseNumberHeldByAnother(
  db: FamilyLinksDb,
  youngPersonId: string,
  caseNumber: string,
  indexes: readonly string[],
): Promise<boolean> {
  const indexed = await db.youngPeople
    .where('caseNumberIndex')
    .startsWithAnyOf([...indexes])
    .filter((row) => row.id !== youngPersonId)
    .count();
  if (indexed > 0) return true;
  const compared = normaliseCaseNumber(caseNumber);
  const notYetIndexed = await db.youngPeople
    .filter(
      (row) =>
        row.id !== youngPersonId &&
        row.caseNumberIndex === undefined &&
        row.caseNumber !== undefined &&
        normaliseCaseNumber(row.caseNumber) === compared,
    )
    .count();
  return notYetIndexed > 0;
}

/**
 * Whether another young person's case number, not the same as `caseNumber`, names the same
 * case-file folder (`caseFileFolderOf`): their copies would be filed together. The index cannot answer (it holds a
 * hash of the number as `normaliseCaseNumber` compares it, which folds less), so the young people
 * are opened: a home has tens, not thousands. One that does not open is left to the damaged-record
 * screens; it cannot be compared, and refusing every save for it would stop the home's work.
 */
async function caseFileFolderHeldByAnother(
  store: ReturnType<typeof sealedStore<YoungPerson, YoungPersonRow>>,
  session: Session,
  youngPersonId: string,
  caseNumber: string,
): Promise<boolean> {
  const { records } = await store.openEach(await store.table.toArray(), session.cipher);
  return records.some(
    (other) =>
      other.id !== youngPersonId &&
      // The same number however typed is the index's to refuse, in its own words.
      normaliseCaseNumber(other.caseNumber) !== normaliseCaseNumber(caseNumber) &&
      caseFileFolderOf(other.caseNumber) === caseFileFolderOf(caseNumber),
  );
}

export type YoungPersonSaveError = 'forbidden' | 'invalid' | 'duplicate-case-number' | 'not-found';

/** Children and young people placed at the home. Everyone may read them (the door needs names). */
export function youngPeopleRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.youngPeople, youngPersonCodec);
  const records = recordWriter(db, clock);
  return {
    /** Everyone, by preferred or first name. */
    async list(session: Session): Promise<YoungPerson[]> {
      const all = await store.all(session.cipher);
      return all.sort((a, b) => displayName(a).localeCompare(displayName(b), 'en-GB'));
    },

    get: (session: Session, id: string) => store.get(id, session.cipher),

    /** How many young people the home has (the set-up checklist); opens none of them. */
    count: () => db.youngPeople.count(),

    /** Adds (no id) or updates (with id) a young person. PT, CC or manager. */
    async save(
      session: Session,
      input: unknown,
      id?: string,
    ): Promise<Result<YoungPerson, YoungPersonSaveError>> {
      if (!can(session.roles, 'people:manage'))
        return fail(
          'forbidden',
          'Only a Personal Tutor, Case Co-ordinator or the manager can change young people’s details.',
        );
      const parsed = validForm(youngPersonSchema, { ...(input as object), id: id ?? crypto.randomUUID() });
      if (!parsed.ok) return parsed;
      const record = parsed.value;
      if (record.placementEndsOn && record.placementEndsOn < record.placementStartsOn) {
        return fail('invalid', 'The placement ends before it starts.', {
          placementEndsOn: 'The placement ends before it starts. Check the dates.',
        });
      }
      const folder = caseFileFolderOf(record.caseNumber);
      if (
        folder !== undefined &&
        (await caseFileFolderHeldByAnother(store, session, record.id, record.caseNumber))
      ) {
        const message = `Case number ${record.caseNumber} would be filed in the same case-file folder (${folder}) as another young person’s. Check the case number.`;
        return fail('duplicate-case-number', message, { caseNumber: message });
      }
      const indexes = await caseNumberIndexesOf(session.cipher, record.caseNumber);
      const written = await records.write(session, {
        events: [
          {
            action: id ? 'young-person.updated' : 'young-person.created',
            recordType: 'youngPerson',
            recordId: record.id,
          },
        ],
        writes: [store.put(record)],
        async check() {
          if (id && !(await db.youngPeople.get(id)))
            return fail('not-found', 'That young person’s record is no longer here.');
          if (await caseNumberHeldByAnother(db, record.id, record.caseNumber, indexes)) {
            const message = `Case number ${record.caseNumber} already belongs to another young person.`;
            return fail('duplicate-case-number', message, { caseNumber: message });
          }
          return undefined;
        },
      });
      if (!written.ok) return written;
      return ok(record);
    },
  };
}
export type YoungPeopleRepository = ReturnType<typeof youngPeopleRepository>;
