import { can } from '@shared/rules/access';
import { validForm } from './permitted-form';
import { contactFormDeadline } from '@shared/rules/contact-form-deadline';
import { fail, ok, type Result } from '@shared/result';
import {
  contactFormSchema,
  dueContactSchema,
  type ContactForm,
  type DueContact,
} from '@shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../database';
import { recordWriter, type WriteStep } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import type { ContactFormError } from './contact-form-repository';
import { contactFormSettingsRepository } from './contact-form-settings-repository';
import { uniqueReference } from './contact-form-reference';
import { homeSettingsRepository } from './home-settings-repository';
import type { AuditEventInput } from './audit-log-repository';

/** Forms a contact makes due, ready to be written with the change that made them due. */
export type PreparedDueForms = {
  /** Forms made before for the same visit and young person (never made twice). */
  readonly already: ContactForm[];
  readonly forms: ContactForm[];
  readonly events: readonly AuditEventInput[];
  readonly writes: readonly WriteStep[];
};

/**
 * Forms owed for contacts that happened (DESIGN rule 2: a form within 48 hours of any contact):
 * made when a booked visit is completed, one per young person, and imported in bulk.
 */
export function contactFormsDue(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.contactForms, contactFormCodec);
  const records = recordWriter(db, clock);
  const settings = () => contactFormSettingsRepository(db, clock).settings();

  /**
   * The forms a contact makes due, made ready to join a change's own write (so a sign-out at the
   * door and the forms it makes due are kept together or not at all): the forms already made for
   * the same visit, the new ones, and their audit entries and write.
   */
  async function prepareDueForContact(
    session: Session,
    input: DueContact,
  ): Promise<Result<PreparedDueForms, ContactFormError>> {
    if (!can(session.roles, 'contact-form:file'))
      return fail('forbidden', 'Your account cannot record contacts. Ask the manager.');
    const parsed = validForm(dueContactSchema, input, 'The contact’s details are not complete.');
    if (!parsed.ok) return parsed;
    const contact = parsed.value;
    if (contact.contactStartedAt && contact.contactStartedAt > contact.contactEndedAt)
      return fail('invalid', 'The contact ends before it starts. Check the times.');
    const { dueHours } = await settings();
    const existing = contact.visitId
      ? await store.open(
          await db.contactForms
            .where('youngPersonId')
            .anyOf([...contact.youngPersonIds])
            .toArray(),
          session.cipher,
        )
      : [];
    const already = existing.filter((form) => form.visitId === contact.visitId);
    const wanted = contact.youngPersonIds.filter(
      (youngPersonId) => !already.some((form) => form.youngPersonId === youngPersonId),
    );
    const timeZone = await homeSettingsRepository(db).timeZone();
    const references = await Promise.all(
      wanted.map(() => uniqueReference(db, contact.contactEndedAt, timeZone)),
    );
    const forms = wanted.map((youngPersonId, index) =>
      contactFormSchema.parse({
        id: crypto.randomUUID(),
        reference: references[index],
        youngPersonId,
        ...(contact.visitId ? { visitId: contact.visitId } : {}),
        kind: contact.kind,
        contactStartedAt: contact.contactStartedAt ?? contact.contactEndedAt,
        contactEndedAt: contact.contactEndedAt,
        dueAt: contactFormDeadline(contact.contactEndedAt, dueHours),
        authorId: contact.authorId,
        personIds: contact.personIds,
        staffIds: contact.staffIds.includes(contact.authorId)
          ? contact.staffIds
          : [contact.authorId, ...contact.staffIds],
        isSafeguardingConcern: false,
        status: 'draft',
      }),
    );
    return ok({
      already,
      forms,
      events: forms.map((form) => ({
        action: 'contact-form.due',
        recordType: 'contactForm',
        recordId: form.id,
        detail: `${form.kind}${form.visitId ? ' (visit)' : ''}`,
      })),
      writes: forms.length === 0 ? [] : [store.insertAll(forms)],
    });
  }

  return {
    prepareDueForContact,

    /**
     * A form falls due for a contact that happened (a completed visit): one per young person,
     * owed by `authorId`, due `dueHours` after the contact ended. Made once per visit and young
     * person: calling again for the same visit returns the forms already made.
     */
    async createDueForContact(
      session: Session,
      input: DueContact,
    ): Promise<Result<ContactForm[], ContactFormError>> {
      const prepared = await prepareDueForContact(session, input);
      if (!prepared.ok) return prepared;
      const { already, forms, events, writes } = prepared.value;
      if (forms.length === 0) return ok(already);
      await records.write(session, { events, writes });
      return ok([...already, ...forms]);
    },

    /**
     * A bulk path for imports (the test fixture's years of forms): checked, sealed, then written
     * 10,000 to a transaction with one audit entry each. Manager only.
     */
    async addMany(
      session: Session,
      forms: readonly ContactForm[],
    ): Promise<Result<number, ContactFormError>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can import contact forms.');
      const checked = forms.map((form) => contactFormSchema.parse(form));
      for (let start = 0; start < checked.length; start += 10_000) {
        const chunk = checked.slice(start, start + 10_000);
        await records.write(session, {
          events: [
            { action: 'contact-form.imported', recordType: 'contactForm', detail: `${chunk.length} forms` },
          ],
          writes: [store.insertAll(chunk)],
        });
      }
      return ok(checked.length);
    },
  };
}
