import { youngPersonSchema, type YoungPerson } from '@shared/schemas/people';
import { can } from '@shared/rules/access';
import { displayName } from '@shared/display-names';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, YoungPersonPlainKey } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';

/** Only the id and case number are plain (the case number is the case file's key); names are sealed. */
export const youngPersonCodec = createSealedCodec('youngPeople', youngPersonSchema, [
  'id',
  'caseNumber',
] satisfies YoungPersonPlainKey[]);

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
      const parsed = youngPersonSchema.safeParse({ ...(input as object), id: id ?? crypto.randomUUID() });
      if (!parsed.success)
        return fail('invalid', 'Some details need correcting.', fieldMessages(parsed.error));
      const record = parsed.data;
      if (record.placementEndsOn && record.placementEndsOn < record.placementStartsOn) {
        return fail('invalid', 'The placement ends before it starts.', {
          placementEndsOn: 'The placement ends before it starts. Check the dates.',
        });
      }
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
          const sameCase = await db.youngPeople.where('caseNumber').equals(record.caseNumber).first();
          if (sameCase && sameCase.id !== record.id) {
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
