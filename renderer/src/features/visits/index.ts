// What other features use of visits: links that open a visit, or book a home visit, from elsewhere.
export { bookHomeVisitHref, visitHref } from './visit-links';
