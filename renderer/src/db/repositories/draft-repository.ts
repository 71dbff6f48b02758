import { declarationsCompartment } from '@shared/rules/compartments';
import type { DraftRow, FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';

/** What a draft's seal is bound to: its row's id (its owner and form). */
export const draftContext = (id: string) => `drafts:${id}`;

/**
 * Which key a draft is sealed under: its writer's own (their declarations compartment, which only
 * they and the manager hold), never the door's alone. A draft holds whatever its form held, from
 * any compartment (a restriction's court reference, a boundary declaration), and every colleague
 * holds the door key, so under it need to know by keys (rule 8) would stop at the draft. Someone
 * whose own key has not reached them yet keeps theirs under the door key, as their declarations
 * are. The owner is read from the draft's id, which its seal is bound to, not from the plain
 * `ownerId` beside it.
 */
export function draftCompartment(cipher: RecordCipher, draftId: string): string | undefined {
  const ownerId = draftId.slice(0, Math.max(0, draftId.indexOf(':')));
  const own = declarationsCompartment(ownerId);
  return ownerId !== '' && cipher.holds(own) ? own : undefined;
}

/** One kept draft as its owner sees it. `values` is whatever the form held, unchecked. */
export type KeptDraft = { readonly formKey: string; readonly values: unknown; readonly updatedAt: string };

/**
 * Drafts: what someone was typing and has not saved yet (kept every second or so while they
 * type, and when the screen locks or the window closes). Sealed like any record, and keyed by
 * owner and form, so a draft only ever comes back to the person who typed it.
 */
export function draftRepository(db: FamilyLinksDb, cipher: RecordCipher, ownerId: string) {
  const prefix = `${ownerId}:`;
  const idFor = (formKey: string) => `${prefix}${formKey}`;
  /**
   * Seals a draft, ready to `put`. The key is taken as this is called, before anything is awaited:
   * a draft sealed as the screen locks is sealed before the keys are dropped, and written after.
   */
  async function seal(formKey: string, values: unknown, now = new Date()): Promise<DraftRow> {
    const id = idFor(formKey);
    const sealed = await cipher.seal(draftContext(id), values, draftCompartment(cipher, id));
    return { id, ownerId, updatedAt: now.toISOString(), sealed };
  }

  return {
    seal,

    /** Writes a draft `seal` made; needs no key. */
    async put(draft: DraftRow): Promise<void> {
      await db.drafts.put(draft);
    },

    async save(formKey: string, values: unknown, now = new Date()): Promise<void> {
      await db.drafts.put(await seal(formKey, values, now));
    },

    async get(formKey: string): Promise<KeptDraft | undefined> {
      const id = idFor(formKey);
      const row = await db.drafts.get(id);
      if (!row || row.ownerId !== ownerId) return undefined;
      return { formKey, values: await cipher.open(draftContext(id), row.sealed), updatedAt: row.updatedAt };
    },

    /**
     * This person's drafts whose form key starts with `keyPrefix` ("contact-form:"), newest
     * first. Read by the owner index, so it costs their own drafts only. A draft that cannot be
     * opened (damaged) is left out here, and left in place.
     */
    async list(keyPrefix: string): Promise<KeptDraft[]> {
      const rows = await db.drafts
        .where('id')
        .between(idFor(keyPrefix), `${idFor(keyPrefix)}\uffff`)
        .toArray();
      const opened = await Promise.all(
        rows
          .filter((row) => row.ownerId === ownerId)
          .map(async (row) => {
            try {
              const values = await cipher.open(draftContext(row.id), row.sealed);
              return [{ formKey: row.id.slice(prefix.length), values, updatedAt: row.updatedAt }];
            } catch (error) {
              console.error('A saved draft could not be opened', error);
              return [];
            }
          }),
      );
      return opened.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },

    async remove(formKey: string): Promise<void> {
      await db.drafts.delete(idFor(formKey));
    },
  };
}
