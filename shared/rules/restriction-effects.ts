import type { visitKinds } from '../schemas/visits';
import type { contactKinds } from '../schemas/contact-forms';
import type { Restriction } from '../schemas/registers';
import { unreachable } from '../unreachable';

/**
 * What one restriction means for one kind of contact (DESIGN rule 6: "a 'no contact' match
 * blocks; a conditional one warns with the condition"). The check in `restriction-check.ts` decides
 * whether the person is the restricted one; this decides what that means for what is being arranged.
 *
 * Interpretation, kind by kind:
 * - No contact: blocks everything, letters included.
 * - Supervised only: warns for every kind of contact, with what supervision means for it; a
 *   face-to-face contact or a call needs a named member of staff (`needsSupervisor`) until one is given.
 * - Indirect only: letters, emails, messages and phone calls are allowed (indirect
 *   contact is letters and calls); anything face to face blocks, and so does a
 *   video call, because it shows faces and places much as a visit does.
 * - No phone contact: blocks phone and video calls and messages (texts, social media); anything
 *   else is allowed.
 * - No unsupervised outings: an outing, collection or overnight stay blocks unless a member of staff
 *   supervises (then it warns); a visit at the home warns that they must not take the young person out.
 * - Named place only: face-to-face contact warns with the place; calls and letters are allowed.
 * - No overnight stays: an overnight stay blocks; anything else is allowed.
 * - Not to collect: a collection blocks; a visit, outing or overnight stay warns that they must
 *   not collect the young person or leave with them.
 * - Other: always warns with the conditions as written, because only a person can read them.
 * "Allowed" is not silence: the match is still reported, so a screen can say why a known
 * restricted person was not stopped.
 */

/** The kind of contact being arranged or recorded, as far as restrictions care. */
export const contactModes = [
  'visit',
  'homeVisit',
  'meeting',
  'chanceEncounter',
  'outing',
  'collection',
  'overnight',
  'phone',
  'video',
  'message',
  'letter',
  'email',
] as const;
export type ContactMode = (typeof contactModes)[number];

export type RestrictionKind = Restriction['kind'];

export type RestrictionEffect =
  | { readonly kind: 'block'; readonly reason: string; readonly instruction: string }
  | {
      readonly kind: 'warn';
      readonly condition: string;
      readonly instruction: string;
      readonly needsSupervisor: boolean;
    }
  | { readonly kind: 'allowed'; readonly note: string };

/** What the contact is like, which is all most restrictions look at. */
type ContactSort = 'atTheHome' | 'faceToFace' | 'away' | 'call' | 'written';

function sortOf(contact: ContactMode): ContactSort {
  switch (contact) {
    case 'visit':
      return 'atTheHome';
    case 'homeVisit':
    case 'meeting':
    case 'chanceEncounter':
      return 'faceToFace';
    case 'outing':
    case 'collection':
    case 'overnight':
      return 'away';
    case 'phone':
    case 'video':
      return 'call';
    case 'message':
    case 'letter':
    case 'email':
      return 'written';
    default:
      return unreachable(contact, 'contact');
  }
}

export type ContactCircumstances = {
  readonly contact: ContactMode;
  /** A named member of staff will supervise (booking knows this; at the door it is settled after the check). */
  readonly isSupervised: boolean;
  readonly place?: string | undefined;
};

/** At the door it is admitting; elsewhere it is going ahead with the contact. */
function blockInstruction(contact: ContactMode): string {
  return contact === 'visit'
    ? 'Do not admit. Speak to the duty manager.'
    : 'Do not go ahead with this contact. Speak to the duty manager.';
}

function withConditions(summary: string, conditions: string | undefined): string {
  const written = conditions?.trim();
  return written ? `${summary} ${written.endsWith('.') ? written : `${written}.`}` : summary;
}

/** What a restriction of this kind, with these conditions, means for this contact. */
export function restrictionEffect(
  kind: RestrictionKind,
  conditions: string | undefined,
  circumstances: ContactCircumstances,
): RestrictionEffect {
  const { contact, isSupervised } = circumstances;
  const sort = sortOf(contact);
  const block = (reason: string): RestrictionEffect => ({
    kind: 'block',
    reason: withConditions(reason, conditions),
    instruction: blockInstruction(contact),
  });
  const warn = (condition: string, instruction: string, needsSupervisor = false): RestrictionEffect => ({
    kind: 'warn',
    condition: withConditions(condition, conditions),
    instruction,
    needsSupervisor,
  });
  const allowed = (note: string): RestrictionEffect => ({ kind: 'allowed', note });

  switch (kind) {
    case 'noContact':
      return block('No contact of any kind is allowed.');
    case 'supervisedOnly': {
      const condition = 'Supervised contact only.';
      if (sort === 'written')
        return warn(
          condition,
          'A member of staff must read it before it is passed on. Speak to the duty manager.',
        );
      if (sort === 'call')
        return warn(
          condition,
          isSupervised
            ? 'The named member of staff must supervise the whole call.'
            : 'A named member of staff must supervise the call. Speak to the duty manager.',
          !isSupervised,
        );
      return warn(
        condition,
        isSupervised
          ? 'The named member of staff must supervise throughout.'
          : 'A named member of staff must supervise. Speak to the duty manager.',
        !isSupervised,
      );
    }
    case 'indirectOnly':
      if (sort === 'written' || contact === 'phone')
        return allowed('Indirect contact only: letters, emails, messages and phone calls are allowed.');
      return block(
        'Indirect contact only: letters, emails, messages and phone calls. No face-to-face or video contact.',
      );
    case 'noPhoneContact':
      if (contact === 'phone' || contact === 'video' || contact === 'message')
        return block('No phone contact: no calls, video calls or messages.');
      return allowed('No phone contact, but this kind of contact is allowed.');
    case 'noUnsupervisedOutings':
      if (sort === 'away') {
        return isSupervised
          ? warn('No unsupervised outings.', 'The named member of staff must stay with them throughout.')
          : block('No unsupervised outings. A member of staff must go too.');
      }
      if (sort === 'atTheHome')
        return warn(
          'No unsupervised outings.',
          'They may visit here, but must not take the young person out unless a member of staff goes too.',
        );
      return allowed('No unsupervised outings, but this kind of contact is allowed.');
    case 'namedPlaceOnly': {
      if (sort === 'call' || sort === 'written')
        return allowed('Contact at a named place only, but this kind of contact is allowed.');
      const place = circumstances.place?.trim();
      return warn(
        'Contact at the named place only.',
        place
          ? `Check that ${place} is the named place. Speak to the duty manager if it is not.`
          : 'Check this contact is at the named place. Speak to the duty manager if it is not.',
      );
    }
    case 'noOvernightStays':
      return contact === 'overnight'
        ? block('No overnight stays.')
        : allowed('No overnight stays, but this kind of contact is allowed.');
    case 'notToCollect':
      if (contact === 'collection') return block('Must not collect the young person.');
      if (sort === 'atTheHome' || sort === 'away')
        return warn(
          'Must not collect the young person.',
          'They must not collect the young person or leave with them. Staff take and bring back.',
        );
      return allowed('Must not collect the young person, but this kind of contact is allowed.');
    case 'other':
      return warn(
        'A condition applies.',
        'Read the condition and speak to the duty manager before going ahead.',
      );
    default:
      return unreachable(kind, 'restriction kind');
  }
}

/** The contact a booked visit makes: a family visit is at the home; a contact-centre visit is face to face elsewhere. */
export function contactModeForVisitKind(kind: (typeof visitKinds)[number]): ContactMode {
  switch (kind) {
    case 'familyVisit':
      return 'visit';
    case 'homeVisit':
      return 'homeVisit';
    case 'outing':
      return 'outing';
    case 'phoneCall':
      return 'phone';
    case 'videoCall':
      return 'video';
    case 'contactCentre':
    case 'pepMeeting':
    case 'learningConsultation':
    case 'reviewMeeting':
      return 'meeting';
    default:
      return unreachable(kind, 'visit kind');
  }
}

/** The contact a contact form records. */
export function contactModeForContactKind(kind: (typeof contactKinds)[number]): ContactMode {
  switch (kind) {
    case 'visit':
      return 'visit';
    case 'homeVisit':
      return 'homeVisit';
    case 'phoneCall':
      return 'phone';
    case 'email':
      return 'email';
    case 'letter':
      return 'letter';
    case 'videoCall':
      return 'video';
    case 'meeting':
      return 'meeting';
    case 'chanceEncounter':
      return 'chanceEncounter';
    default:
      return unreachable(kind, 'contact kind');
  }
}
