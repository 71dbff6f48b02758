import { contactFormSchema, type ContactForm } from '@shared/schemas/contact-forms';
import type { ContactFormPlainKey } from '../database';
import { createSealedCodec, type SealedRow } from '../sealed-codec';

/**
 * How a contact form is stored: ids, the reference, dates and the state plain, for the indexes
 * ("forms this person owes", a young person's forms, the manager's restriction alerts); what
 * happened, who took part and everything they said, sealed.
 */
export const contactFormCodec = createSealedCodec('contactForms', contactFormSchema, [
  'id',
  'reference',
  'youngPersonId',
  'authorId',
  'dueAt',
  'status',
  'contactEndedAt',
  'restrictionFlaggedAt',
  'amendsFormId',
  'kind',
  'contactStartedAt',
  'filedAt',
  'staffIds',
] satisfies ContactFormPlainKey[]);

export type ContactFormRow = SealedRow<ContactForm, ContactFormPlainKey>;
