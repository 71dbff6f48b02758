import { contactFormRepository } from '../../../renderer/src/db/repositories/contact-form-repository';
import { closeBare, openBareDatabase, timedFloor } from './bare-indexeddb';
import { defineBenchmark, shared } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import { loadedLargeHome, type LoadedHome } from './large-home';

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
  return new Promise((resolve, reject) => {
    const request = bare
      .transaction('contactForms', 'readonly')
      .objectStore('contactForms')
      .index('[authorId+status+dueAt]')
      .getAll(ownedRange(authorId));
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
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
    const loaded = await loadedLargeHome(context);
    const forms = contactFormRepository(loaded.db);
    await shared(context, 'contactFormsLoaded', async () => {
      progress(`loading ${loaded.home.contactForms.length} contact forms`);
      const added = await forms.addMany(loaded.session, loaded.home.contactForms);
      if (!added.ok) throw new Error(added.error.message);
      return added.value;
    });
    const draftsByAuthor = new Map<string, number>();
    for (const form of loaded.home.contactForms)
      if (form.status === 'draft')
        draftsByAuthor.set(form.authorId, (draftsByAuthor.get(form.authorId) ?? 0) + 1);
    const [authorId] = [...draftsByAuthor.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
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
  async floor(state) {
    const { ms } = await timedFloor(
      async () => (await bareOwed(state.bare, state.authorId)).length,
      'Nobody owes a form: the floor would mean nothing',
    );
    return ms;
  },
  teardown: closeBare,
});
