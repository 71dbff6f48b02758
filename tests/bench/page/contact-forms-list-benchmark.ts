import { contactFormListRepository } from '../../../renderer/src/db/repositories/contact-form-list-repository';
import { copyContactFormListFields } from '../../../renderer/src/db/repositories/contact-form-list-backfill';
import { closeBare, openBareDatabase } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import { mostFrequent, type LoadedHome } from './large-home';
import { largeHomeWithForms } from './visits-loaded';

type State = LoadedHome & {
  readonly youngPersonId: string;
  readonly bare: IDBDatabase;
  readonly rows: number;
};

const pageSize = 60;

/** The same rows through bare IndexedDB: the young person's newest `pageSize` forms, by the same index, newest first. */
function bareFirstPage(bare: IDBDatabase, youngPersonId: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const rows: unknown[] = [];
    const request = bare
      .transaction('contactForms', 'readonly')
      .objectStore('contactForms')
      .index('[youngPersonId+contactEndedAt]')
      .openCursor(IDBKeyRange.bound([youngPersonId, -Infinity], [youngPersonId, []]), 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && rows.length < pageSize) {
        rows.push(cursor.value);
        cursor.continue();
      } else resolve(rows);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * `contact-forms-list`: the Contact forms list opened filtered to one young person on the large
 * home (~98,000 forms; the young person with the most), as the screen opens it: the first page
 * through `contactFormListRepository.page` (the [young person, contact end] index, newest first,
 * every filter checked on plain fields, no form opened). The floor is a bare IndexedDB cursor over
 * the same index and range reading the same rows. Target: p95 under 100 ms, within 3x the floor.
 */
export const contactFormsList = defineBenchmark<State>({
  name: 'contact-forms-list',
  repetitions: 40,
  async setup(context) {
    const loaded = await largeHomeWithForms(context);
    const [youngPersonId, rows] =
      mostFrequent(loaded.home.contactForms.map((form) => form.youngPersonId)) ?? [];
    if (!youngPersonId || !rows) throw new Error('The large home has no contact forms');
    progress(`${rows} forms for the young person with the most`);
    const bare = await openBareDatabase(loaded.db.name);
    await bareFirstPage(bare, youngPersonId);
    return { ...loaded, youngPersonId, bare, rows };
  },
  async run(state) {
    const { ms, n } = await timedCount(async () => {
      // As the screen does: a look for older forms to prepare (none here), then the first page.
      await copyContactFormListFields(state.db, state.session);
      const page = await contactFormListRepository(state.db).page(
        state.session,
        { youngPersonId: state.youngPersonId },
        { now: new Date(), pageSize },
      );
      return page.items.length;
    });
    if (n !== pageSize) throw new Error(`The first page held ${n} forms, not ${pageSize}`);
    return { ms, n };
  },
  async floor(state) {
    const { ms, n: rows } = await timedCount(
      async () => (await bareFirstPage(state.bare, state.youngPersonId)).length,
    );
    if (rows !== pageSize) throw new Error('The floor read a different number of rows');
    return ms;
  },
  teardown: closeBare,
});
