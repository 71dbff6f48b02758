import { Dexie } from 'dexie';
import { can } from '@shared/rules/access';
import { contactFormScope, mayReadContactForm } from '@shared/rules/contact-form-access';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../database';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec, type ContactFormRow } from './contact-form-codec';
import { signedPdfRepository, type SignedFile } from './signed-pdf-repository';

/**
 * Finding contact forms. Need to know is kept here (`contactFormScope`): whoever asks, a care
 * worker gets only forms they wrote or took part in, and someone else's form reads as not found.
 * Each list is read by an index on the forms' plain columns, then only what is wanted is opened.
 */
export function contactFormReads(db: FamilyLinksDb) {
  const store = sealedStore(db.contactForms, contactFormCodec);
  const pdfs = signedPdfRepository(db);

  async function openVisible(session: Session, rows: readonly ContactFormRow[]): Promise<ContactForm[]> {
    const scope = contactFormScope(session.roles);
    if (scope.kind === 'none') return [];
    // A care worker may be the author (plain, so checked before opening) or a participant (sealed).
    const forms = await store.open(rows, session.cipher);
    return forms.filter((form) => mayReadContactForm(session.roles, session.staff.id, form));
  }

  /** One form, if this person may read it; someone else's reads as not found. */
  async function get(session: Session, id: string): Promise<ContactForm | undefined> {
    const row = await db.contactForms.get(id);
    if (!row) return undefined;
    const [form] = await openVisible(session, [row]);
    return form;
  }

  return {
    get,

    /**
     * The forms `authorId` still owes (drafts), soonest due first, read by the [author, status,
     * due] index: the cost is the person's own drafts, however many forms the home has filed.
     */
    async owedBy(session: Session, authorId: string = session.staff.id): Promise<ContactForm[]> {
      if (authorId !== session.staff.id && !can(session.roles, 'contact-form:read-all')) return [];
      const rows = await db.contactForms
        .where('[authorId+status+dueAt]')
        .between([authorId, 'draft', Dexie.minKey], [authorId, 'draft', Dexie.maxKey])
        .toArray();
      return store.open(rows, session.cipher);
    },

    /**
     * A young person's forms whose contact ended in [from, to) (ISO instants), oldest first (the termly
     * review).
     */
    async listForYoungPerson(
      session: Session,
      youngPersonId: string,
      from: string,
      to: string,
    ): Promise<ContactForm[]> {
      const rows = await db.contactForms
        .where('[youngPersonId+contactEndedAt]')
        .between([youngPersonId, from], [youngPersonId, to], true, false)
        .toArray();
      return openVisible(session, rows);
    },

    /** Every form (this person may read) whose contact ended in [from, to), oldest first: a term's. */
    async listBetween(session: Session, from: string, to: string): Promise<ContactForm[]> {
      return openVisible(
        session,
        await db.contactForms.where('contactEndedAt').between(from, to, true, false).toArray(),
      );
    },

    /** The addenda that correct a filed form, oldest first. */
    async addendaOf(session: Session, formId: string): Promise<ContactForm[]> {
      const rows = await db.contactForms.where('amendsFormId').equals(formId).toArray();
      return (await openVisible(session, rows)).sort((a, b) =>
        (a.filedAt ?? '').localeCompare(b.filedAt ?? ''),
      );
    },

    /**
     * For the manager's home screen: forms that recorded a restricted person as taking part, flagged
     * since `since` (ISO), newest first; and safeguarding concerns among them are shown as such.
     */
    async restrictionAlerts(session: Session, since: string): Promise<ContactForm[]> {
      if (!can(session.roles, 'restriction:override')) return [];
      const rows = await db.contactForms
        .where('restrictionFlaggedAt')
        .aboveOrEqual(since)
        .reverse()
        .sortBy('restrictionFlaggedAt');
      return store.open(rows, session.cipher);
    },

    /** The signed PDF of a filed form this person may read. */
    async signedFile(session: Session, id: string): Promise<SignedFile | undefined> {
      if (!(await get(session, id))) return undefined;
      return (await pdfs.get(id, session.cipher))?.file;
    },
  };
}
