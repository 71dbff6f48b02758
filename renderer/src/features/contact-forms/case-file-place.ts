import type { CaseFilePlace } from '@shared/ipc/channels/documents';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { instantToWallClock } from '@shared/home-time';

/** Where a form's copy goes: `<case number>/<academic year>/<filing day>-<kind>-<reference>.pdf` (the main process cleans each part). */
export function caseFilePlaceOf(
  form: Pick<ContactForm, 'reference' | 'amendsFormId'>,
  caseNumber: string,
  academicYear: string,
  filedAt: string,
  timeZone: string,
): CaseFilePlace {
  return {
    caseNumber,
    academicYear,
    date: instantToWallClock(filedAt, timeZone).date,
    kind: form.amendsFormId ? 'addendum' : 'contact-form',
    reference: form.reference,
  };
}
