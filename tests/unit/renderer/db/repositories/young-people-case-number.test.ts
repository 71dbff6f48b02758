import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { sealedStore } from '../../../../../renderer/src/db/sealed-store';
import {
  youngPeopleRepository,
  youngPersonCodec,
} from '../../../../../renderer/src/db/repositories/young-people-repository';
import { freshDatabase, kaydenMorris as kayden } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

/** A stored row as text, as someone reading IndexedDB without a key would see it (bytes read as text too). */
function asStored(row: unknown): string {
  const decoder = new TextDecoder();
  return JSON.stringify(row, (_key, value: unknown) =>
    value instanceof ArrayBuffer || value instanceof Uint8Array ? decoder.decode(value) : value,
  );
}

async function homeWithKayden() {
  db = freshDatabase();
  const manager = await testSession(['registeredManager']);
  const youngPeople = youngPeopleRepository(db);
  const saved = await youngPeople.save(manager, kayden);
  if (!saved.ok) throw new Error(saved.error.message);
  return { manager, youngPeople, kayden: saved.value };
}

describe('a young person’s case number in the database', () => {
  it('is not stored in the clear: the row holds a keyed hash of it, and the index is on the hash', async () => {
    const { manager, youngPeople, kayden: saved } = await homeWithKayden();
    const row = await db.youngPeople.get(saved.id);
    expect(asStored(row)).not.toContain('0042');
    expect(row).not.toHaveProperty('caseNumber');
    expect(row?.caseNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(db.youngPeople.schema.indexes.map((index) => index.name)).toEqual(['caseNumberIndex']);
    // Sealed, not lost: the record opens whole.
    expect(await youngPeople.get(manager, saved.id)).toEqual(saved);
  });

  it('is hashed with the home’s key: another home’s key gives another hash for the same number', async () => {
    const { kayden: saved } = await homeWithKayden();
    const stored = await db.youngPeople.get(saved.id);
    const otherHome = await testSession(['registeredManager']);
    const elsewhere = await youngPersonCodec.encode(saved, otherHome.cipher);
    expect(elsewhere.caseNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(elsewhere.caseNumberIndex).not.toBe(stored?.caseNumberIndex);
  });

  it('is still one young person’s only, however it is typed: a second is refused with the same message', async () => {
    const { manager, youngPeople } = await homeWithKayden();
    for (const typed of ['FL-0042', 'fl-0042', '  FL\u20110042 ']) {
      const again = await youngPeople.save(manager, { ...kayden, caseNumber: typed, firstName: 'Other' });
      expect(again.ok).toBe(false);
      if (again.ok) continue;
      expect(again.error).toMatchObject({
        code: 'duplicate-case-number',
        message: `Case number ${typed.trim()} already belongs to another young person.`,
        fields: { caseNumber: `Case number ${typed.trim()} already belongs to another young person.` },
      });
    }
    expect(await youngPeople.list(manager)).toHaveLength(1);
    // The young person who holds it can keep it, or correct how it is typed.
    const saved = (await youngPeople.list(manager))[0]!;
    const kept = await youngPeople.save(manager, { ...kayden, lastName: 'Morris-Lee' }, saved.id);
    expect(kept.ok).toBe(true);
    const corrected = await youngPeople.save(manager, { ...kayden, caseNumber: 'fl-0042' }, saved.id);
    expect(corrected.ok).toBe(true);
    const other = await youngPeople.save(manager, { ...kayden, caseNumber: 'FL-0099', firstName: 'Mia' });
    expect(other.ok).toBe(true);
  });

  it('makes the record damaged if its hash is changed outside Family Links', async () => {
    const { manager, youngPeople, kayden: saved } = await homeWithKayden();
    const other = await youngPeople.save(manager, { ...kayden, caseNumber: 'FL-0099', firstName: 'Mia' });
    if (!other.ok) throw new Error('setup');
    const row = await db.youngPeople.get(saved.id);
    const otherRow = await db.youngPeople.get(other.value.id);
    expect(row?.caseNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    // Someone at the computer moves Mia's hash onto Kayden's row, so a look-up of her number
    // would find him (hers is moved aside first: the index is unique).
    await db.youngPeople.put({ ...otherRow!, caseNumberIndex: 'moved' });
    await db.youngPeople.put({ ...row!, caseNumberIndex: otherRow!.caseNumberIndex! });
    const store = sealedStore(db.youngPeople, youngPersonCodec);
    await expect(store.get(saved.id, manager.cipher)).rejects.toMatchObject({
      name: 'DamagedRecordError',
      table: 'youngPeople',
      id: saved.id,
    });
    const { records, damaged } = await store.openEach(await db.youngPeople.toArray(), manager.cipher);
    expect(records).toEqual([]);
    expect(damaged.map((error) => error.id).sort()).toEqual([saved.id, other.value.id].sort());
  });
});

/*
 * The case-file folder is named by the case number cleaned for a file name (spaces, accents and
 * punctuation become "-"), on a file system that usually ignores letter case. Two numbers apart
 * only in what that cleaning removes would put two children's signed forms in one folder.
 */
describe('a case number that would share another young person’s case-file folder', () => {
  it.each([
    ['a space for the hyphen', 'FL 0042'],
    ['a symbol for the hyphen', 'FL#0042'],
    ['an ending the folder name drops', 'FL-0042.'],
  ])('is refused: %s', async (_case, typed) => {
    const { manager, youngPeople } = await homeWithKayden();
    const other = await youngPeople.save(manager, { ...kayden, caseNumber: typed, firstName: 'Mia' });
    expect(other.ok).toBe(false);
    if (!other.ok)
      expect(other.error).toMatchObject({
        code: 'duplicate-case-number',
        fields: { caseNumber: expect.stringContaining('FL-0042') as unknown },
      });
    expect(await youngPeople.list(manager)).toHaveLength(1);
  });

  it('is refused when accents would be cleaned away to the same folder', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const youngPeople = youngPeopleRepository(db);
    expect((await youngPeople.save(manager, { ...kayden, caseNumber: 'ZOË-1' })).ok).toBe(true);
    expect((await youngPeople.save(manager, { ...kayden, caseNumber: 'ZOÉ-1', firstName: 'Mia' })).ok).toBe(
      false,
    );
  });

  it('does not stop the young person who holds the folder from being saved again', async () => {
    const { manager, youngPeople, kayden: saved } = await homeWithKayden();
    const kept = await youngPeople.save(manager, { ...kayden, caseNumber: 'FL 0042' }, saved.id);
    expect(kept.ok).toBe(true);
    const other = await youngPeople.save(manager, { ...kayden, caseNumber: 'FL_0042', firstName: 'Mia' });
    expect(other.ok).toBe(true);
  });
});
