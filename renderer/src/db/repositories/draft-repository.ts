import type { FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';

/**
 * Drafts: what someone was typing when the screen locked or the window closed. Sealed like any
 * record, and keyed by owner and form, so a draft only ever comes back to the person who typed it.
 */
export function draftRepository(db: FamilyLinksDb, cipher: RecordCipher, ownerId: string) {
  const idFor = (formKey: string) => `${ownerId}:${formKey}`;
  return {
    async save(formKey: string, values: unknown, now = new Date()): Promise<void> {
      const id = idFor(formKey);
      const sealed = await cipher.seal(`drafts:${id}`, values);
      await db.drafts.put({ id, ownerId, updatedAt: now.toISOString(), sealed });
    },

    async get(formKey: string): Promise<{ values: unknown; updatedAt: string } | undefined> {
      const id = idFor(formKey);
      const row = await db.drafts.get(id);
      if (!row || row.ownerId !== ownerId) return undefined;
      return { values: await cipher.open(`drafts:${id}`, row.sealed), updatedAt: row.updatedAt };
    },

    async remove(formKey: string): Promise<void> {
      await db.drafts.delete(idFor(formKey));
    },
  };
}
