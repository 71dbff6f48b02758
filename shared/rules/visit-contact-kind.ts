import type { ContactKind } from '../schemas/contact-forms';
import type { VisitKind } from '../schemas/visits';
import { unreachable } from '../unreachable';

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
    default:
      return unreachable(kind, 'visit kind');
  }
}
