import { visitKinds, type VisitKind } from '@shared/schemas/visits';
import { hashFor } from '../../common/routes';

/**
 * Links into the visit calendar from other screens: one visit opened (`#/visits/<id>`), or a home
 * visit for one young person ready to book (`#/visits/book-home-visit:<id>`), as the termly review
 * offers where a term's home visit is missing (seed 004, 5.2.1: a home visit each term).
 */
const bookHomeVisitPrefix = 'book-home-visit:';
/** Any other kind for one young person, one step from what it is owed for ("My young people"): `book:<kind>:<id>`. */
const bookPrefix = 'book:';

export function visitHref(visitId: string): string {
  return hashFor('visits', visitId);
}

export function bookHomeVisitHref(youngPersonId: string): string {
  return hashFor('visits', `${bookHomeVisitPrefix}${youngPersonId}`);
}

/** Booked with the person who follows the link as its staff (the Learning Mentor's own visit, PEP, consultation). */
export function bookVisitHref(youngPersonId: string, visitKind: VisitKind): string {
  return hashFor('visits', `${bookPrefix}${visitKind}:${youngPersonId}`);
}

export type VisitsLink =
  | { readonly kind: 'visit'; readonly visitId: string }
  | { readonly kind: 'bookHomeVisit'; readonly youngPersonId: string }
  | { readonly kind: 'book'; readonly visitKind: VisitKind; readonly youngPersonId: string };

export function visitsLinkOf(recordId: string | undefined): VisitsLink | undefined {
  if (!recordId) return undefined;
  if (recordId.startsWith(bookHomeVisitPrefix))
    return { kind: 'bookHomeVisit', youngPersonId: recordId.slice(bookHomeVisitPrefix.length) };
  if (recordId.startsWith(bookPrefix)) {
    const rest = recordId.slice(bookPrefix.length);
    const colon = rest.indexOf(':');
    const visitKind = visitKinds.find((candidate) => candidate === rest.slice(0, colon));
    if (visitKind && colon > 0) return { kind: 'book', visitKind, youngPersonId: rest.slice(colon + 1) };
  }
  return { kind: 'visit', visitId: recordId };
}
