import { clockTime } from '@shared/home-time';
import type { SignedOut } from '../../db/repositories/visitor-register-changes';

/**
 * What the door reads after a sign-out: the time, and what followed it (a booked visit ended, a
 * contact form due by its reference, the PT told), or that the PT must be told in person.
 */
export function signedOutMessage(
  left: SignedOut,
  timeZone: string,
): { readonly tone: 'success' | 'error'; readonly text: string } {
  const { entry, dueForms, endedVisit, alertedPersonalTutor, isAlertNotQueued } = left;
  const parts = [
    `${entry.visitorName} signed out at ${clockTime(entry.departedAt ?? entry.arrivedAt, timeZone)}.`,
  ];
  if (endedVisit) parts.push('Their booked visit has ended.');
  if (dueForms.length > 0)
    parts.push(
      `A contact form is now due (${dueForms.map((form) => form.reference).join(', ')}), counted from this sign-out.`,
    );
  if (alertedPersonalTutor)
    parts.push('The young person’s Personal Tutor is being told (initials and a reference only).');
  if (isAlertNotQueued) {
    parts.push(
      'The email alert could not be queued, so the young person’s Personal Tutor has not been told. Tell them now.',
    );
    return { tone: 'error', text: parts.join(' ') };
  }
  return { tone: 'success', text: parts.join(' ') };
}
