import type { CaseFilePlace } from '@shared/ipc/channels/documents';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { academicYearOf } from '@shared/rules/contact-form-filing';
import { calendarDateOf } from '@shared/home-time';

/**
 * Where a form's copy goes: `<case number>/<academic year>/<filing day>-<kind>-<reference>.pdf`
 * (the main process cleans each part). The year is the contact's and the day the filing's, both
 * on the home's clock: a contact at half past midnight on 1 September in summer time is still 31
 * August in UTC, and belongs to the new year's folder.
 */
export function caseFilePlaceOf(
  form: Pick<ContactForm, 'reference' | 'amendsFormId' | 'contactStartedAt'>,
  caseNumber: string,
  filedAt: string,
  timeZone: string,
): CaseFilePlace {
  return {
    caseNumber,
    academicYear: academicYearOf(calendarDateOf(form.contactStartedAt, timeZone)),
    date: calendarDateOf(filedAt, timeZone),
    kind: form.amendsFormId ? 'addendum' : 'contact-form',
    reference: form.reference,
  };
}
