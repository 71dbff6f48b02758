// What other features use of visits: links that open a visit, or book a home visit (or another kind), from elsewhere.
export { bookHomeVisitHref, bookVisitHref, visitHref } from './visit-links';
