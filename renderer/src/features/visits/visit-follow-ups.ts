import type { ContactForm } from '@shared/schemas/contact-forms';
import type { Visit } from '@shared/schemas/visits';
import { contactKindOfVisit } from '@shared/rules/visit-contact-kind';
import type { FamilyLinksDb } from '../../db/database';
import { contactFormRepository } from '../../db/repositories/contact-form-repository';
import type { Session } from '../../db/session';

/**
 * What follows a visit marked completed, after that change has committed (so a failure here never
 * undoes it; it is reported in words instead): its contact form is due, the 48-hour clock starting
 * at the visit's end (DESIGN rule 1), owed by the supervising member of staff, else the first on
 * the visit, else whoever marked it completed. (A booking's or a cancellation's PAN alerts are
 * queued with the change itself, by the visit repository.) Returns the contact forms now due, and
 * the problems in words (empty when all went through).
 */
export async function afterVisitCompleted(
  db: FamilyLinksDb,
  session: Session,
  visits: readonly Visit[],
): Promise<{ problems: string[]; dueForms: ContactForm[] }> {
  const problems: string[] = [];
  const dueForms: ContactForm[] = [];
  for (const visit of visits) {
    const due = await contactFormRepository(db).createDueForContact(session, {
      youngPersonIds: visit.youngPersonIds,
      kind: contactKindOfVisit(visit.kind),
      contactStartedAt: visit.startsAt,
      contactEndedAt: visit.endsAt,
      visitId: visit.id,
      authorId: visit.supervisingStaffId ?? visit.staffIds[0] ?? session.staff.id,
      personIds: visit.personIds,
      staffIds: visit.staffIds,
    });
    if (due.ok) dueForms.push(...due.value);
    else
      problems.push(
        `The visit is marked completed, but its contact form could not be set up: ${due.error.message}`,
      );
  }
  return { problems, dueForms };
}
