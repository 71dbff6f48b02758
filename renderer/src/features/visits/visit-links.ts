import { hashFor } from '../../common/routes';

/**
 * Links into the visit calendar from other screens: one visit opened (`#/visits/<id>`), or a home
 * visit for one young person ready to book (`#/visits/book-home-visit:<id>`), as the termly review
 * offers where a term's home visit is missing (seed 004, 5.2.1: a home visit each term).
 */
const bookHomeVisitPrefix = 'book-home-visit:';

export function visitHref(visitId: string): string {
  return hashFor('visits', visitId);
}

export function bookHomeVisitHref(youngPersonId: string): string {
  return hashFor('visits', `${bookHomeVisitPrefix}${youngPersonId}`);
}

export type VisitsLink =
  | { readonly kind: 'visit'; readonly visitId: string }
  | { readonly kind: 'bookHomeVisit'; readonly youngPersonId: string };

export function visitsLinkOf(recordId: string | undefined): VisitsLink | undefined {
  if (!recordId) return undefined;
  if (recordId.startsWith(bookHomeVisitPrefix))
    return { kind: 'bookHomeVisit', youngPersonId: recordId.slice(bookHomeVisitPrefix.length) };
  return { kind: 'visit', visitId: recordId };
}
