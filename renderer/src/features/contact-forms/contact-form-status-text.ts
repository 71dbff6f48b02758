import {
  contactFormStatus,
  describeContactFormStatus,
  type ContactFormStatus,
} from '@shared/rules/contact-form-deadline';
import type { ContactForm } from '@shared/schemas/contact-forms';

/**
 * A form's place on the clock, measured from its own stored due moment (which already holds the
 * home's hours when the form fell due, and an addendum's own clock).
 */
export function statusOf(
  form: Pick<ContactForm, 'contactEndedAt' | 'dueAt' | 'filedAt'>,
  now: Date,
): ContactFormStatus {
  const hours = (Date.parse(form.dueAt) - Date.parse(form.contactEndedAt)) / 3_600_000;
  return contactFormStatus(
    { contactEndedAt: form.contactEndedAt, ...(form.filedAt ? { filedAt: form.filedAt } : {}) },
    now,
    hours > 0 ? hours : 48,
  );
}

/** "due in 5 hours", "overdue by 2 days", "filed 3 hours late". */
export function statusText(
  form: Pick<ContactForm, 'contactEndedAt' | 'dueAt' | 'filedAt'>,
  now: Date,
): string {
  return describeContactFormStatus(statusOf(form, now));
}

export function isLateOrOverdue(status: ContactFormStatus): boolean {
  return status.kind === 'overdue' || status.kind === 'filedLate';
}
