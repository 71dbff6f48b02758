import { contactFormRepository } from '../../../renderer/src/db/repositories/contact-form-repository';
import { closeBare, openBareDatabase, requestDone, bareFloor } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { timedCount } from './bench-timing';
import { mostFrequent, type LoadedHome } from './large-home';
import { largeHomeWithForms } from './visits-loaded';

type State = LoadedHome & {
  readonly authorId: string;
  readonly bare: IDBDatabase;
  readonly totalForms: number;
};

function ownedRange(authorId: string): IDBKeyRange {
  // The same bounds Dexie uses for between([author, 'draft', minKey], [author, 'draft', maxKey]).
  return IDBKeyRange.bound([authorId, 'draft', -Infinity], [authorId, 'draft', []]);
}

function bareOwed(bare: IDBDatabase, authorId: string): Promise<unknown[]> {
  return requestDone(
    bare
      .transaction('contactForms', 'readonly')
      .objectStore('contactForms')
      .index('[authorId+status+dueAt]')
      .getAll(ownedRange(authorId)),
  );
}

/**
 * `owed-forms`: the home screen's "Contact forms you owe" for the member of staff who owes the
 * most, through `contactFormRepository.owedBy` (the [author, status, due] index, then opening and
 * schema-checking each sealed row), against the floor: a bare `getAll` on the same index and range
 * of the same store. The large home's ~98,000 forms are loaded first; n is the forms owed. Because
 * the read is by index, its cost follows the person's own drafts, not the size of the table.
 */
export const owedForms = defineBenchmark<State>({
  name: 'owed-forms',
  repetitions: 20,
  async setup(context) {
    const loaded = await largeHomeWithForms(context);
    const forms = contactFormRepository(loaded.db);
    const drafts = loaded.home.contactForms.filter((form) => form.status === 'draft');
    const [authorId] = mostFrequent(drafts.map((form) => form.authorId)) ?? [];
    if (!authorId) throw new Error('The large home has no drafts: the benchmark would mean nothing');
    const bare = await openBareDatabase(loaded.db.name);
    await forms.owedBy(loaded.session, authorId);
    await bareOwed(bare, authorId);
    return { ...loaded, authorId, bare, totalForms: loaded.home.contactForms.length };
  },
  async run(state) {
    return timedCount(
      async () => (await contactFormRepository(state.db).owedBy(state.session, state.authorId)).length,
    );
  },
  floor: bareFloor(
    async (state) => (await bareOwed(state.bare, state.authorId)).length,
    'Nobody owes a form: the floor would mean nothing',
  ),
  teardown: closeBare,
});
