/**
 * Plain JavaScript for `page.evaluate`, reading or changing the app's IndexedDB directly, as
 * someone at the computer with DevTools open could. Strings, because the specs are type-checked
 * without the DOM library.
 */

/** An expression: a promise of the app's database, opened at the version it stands at. */
export const openAppDatabase = `new Promise((resolve, reject) => {
    const request = indexedDB.open('family-links');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  })`;

/** An expression: a promise of the number of rows in the drafts table. */
export const countDrafts = `${openAppDatabase}.then((db) => new Promise((resolve, reject) => {
  const count = db.transaction('drafts').objectStore('drafts').count();
  count.onsuccess = () => { resolve(count.result); db.close(); };
  count.onerror = () => reject(count.error);
}))`;
