import { describe, expect, it } from 'vitest';
import { draftContext, draftRepository } from '../../../../../renderer/src/db/repositories/draft-repository';
import { createRecordCipher } from '../../../../../renderer/src/db/encryption/record-cipher';
import { databasesClosedAfterEach, freshDatabase } from '../test-database';
import { homeStaff, testSession } from '../test-session';

const opened = databasesClosedAfterEach();

function database() {
  const db = freshDatabase();
  opened.push(db);
  return db;
}

/** What a Personal Tutor half types into the restriction form: casework a care worker may not read. */
const halfTyped = { authority: 'courtOrder', reference: 'ZW24C00123', description: 'No contact with father' };

/**
 * Drafts keep whatever a form held, from any compartment (a restriction's court reference, a
 * boundary declaration). Need to know by keys (rule 8): a colleague's session, whatever code runs
 * in the page, must not open them, so a draft is sealed under its writer's own key.
 */
describe('a kept draft', () => {
  it('comes back to the person who typed it', async () => {
    const db = database();
    const [, tutor] = await homeStaff('personalTutor');
    await draftRepository(db, tutor.cipher, tutor.staff.id).save('restriction:new', halfTyped);
    expect(await draftRepository(db, tutor.cipher, tutor.staff.id).get('restriction:new')).toMatchObject({
      values: halfTyped,
    });
  });

  it('does not open with a care worker’s keys, though they hold the door key', async () => {
    const db = database();
    const [, tutor, careWorker] = await homeStaff('personalTutor', 'careStaff');
    await draftRepository(db, tutor.cipher, tutor.staff.id).save('restriction:new', halfTyped);
    const [row] = await db.drafts.toArray();
    if (!row) throw new Error('no draft kept');
    await expect(careWorker.cipher.open(draftContext(row.id), row.sealed)).rejects.toBeInstanceOf(Error);
    // Nor with the door key alone, as someone who copied it while they worked here would hold it.
    await expect(
      createRecordCipher(careWorker.dataKey).open(draftContext(row.id), row.sealed),
    ).rejects.toBeInstanceOf(Error);
  });

  it('is kept under the door key by someone whose own key has not reached them yet', async () => {
    const db = database();
    const first = await testSession(['careStaff']);
    const withoutOwnKey = { ...first, cipher: createRecordCipher(first.dataKey) };
    const drafts = draftRepository(db, withoutOwnKey.cipher, first.staff.id);
    await drafts.save('visitor:new', { name: 'A visitor' });
    expect(await drafts.get('visitor:new')).toMatchObject({ values: { name: 'A visitor' } });
  });
});
