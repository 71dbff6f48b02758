import type { ContactForm, ContactKind } from '@shared/schemas/contact-forms';
import { visitKindLabels, type Visit, type VisitKind } from '@shared/schemas/visits';
import type { PanEvent } from '@shared/schemas/pan';
import type { FamilyLinksDb } from '../../db/database';
import { contactFormRepository } from '../../db/repositories/contact-form-repository';
import type { Session } from '../../db/session';
import { queuePanAlert } from '../pan-groups';

/** The contact a visit makes, as the contact form records it. */
export function contactKindOfVisit(kind: VisitKind): ContactKind {
  switch (kind) {
    case 'familyVisit':
    case 'outing':
    case 'contactCentre':
      return 'visit';
    case 'homeVisit':
      return 'homeVisit';
    case 'phoneCall':
      return 'phoneCall';
    case 'videoCall':
      return 'videoCall';
    case 'pepMeeting':
    case 'learningConsultation':
    case 'reviewMeeting':
      return 'meeting';
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown visit kind: ${String(unknown)}`);
    }
  }
}

const shortDate = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone }).format(new Date(instant));

/**
 * What follows a visit's own saved change, each after its transaction has committed (so a failure
 * here never undoes the booking; it is reported in words instead).
 * - Completed: the contact form is due, its 48-hour clock starting at the visit's end (DESIGN
 *   rule 1). Owed by the supervising member of staff, else the first on the visit, else whoever
 *   marked it completed.
 * - Booked or cancelled: the young person's PAN group hears, with no names (DESIGN rule 9).
 * Returns the contact forms now due, and the problems in words (empty when all went through).
 */
export async function afterVisitSaved(
  db: FamilyLinksDb,
  session: Session,
  change: {
    readonly event: 'booked' | 'cancelled' | 'completed';
    readonly visits: readonly Visit[];
    readonly timeZone: string;
  },
): Promise<{ problems: string[]; dueForms: ContactForm[] }> {
  const problems: string[] = [];
  const dueForms: ContactForm[] = [];
  const [first] = change.visits;
  if (!first) return { problems, dueForms };
  if (change.event === 'completed') {
    for (const visit of change.visits) {
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
  const event: PanEvent = change.event === 'booked' ? 'visitBooked' : 'visitCancelled';
  const when =
    change.visits.length > 1
      ? `${shortDate(first.startsAt, change.timeZone)} (${change.visits.length} dates)`
      : shortDate(first.startsAt, change.timeZone);
  const summary = `${visitKindLabels[first.kind]} on ${when} ${change.event === 'booked' ? 'booked' : 'cancelled'}`;
  for (const youngPersonId of first.youngPersonIds) {
    const queued = await queuePanAlert(db, session, {
      youngPersonId,
      event,
      reference: `Visit ${first.startsAt.slice(0, 10)}`,
      summary: summary.slice(0, 140),
    });
    if (!queued.ok) problems.push(`The PAN group could not be told: ${queued.error.message}`);
  }
  return { problems, dueForms };
}
