/**
 * Record builders for tests: `buildVisit({ status: 'cancelled' })`. Each returns a record valid
 * under its schema in `shared/schemas`, with a fresh random id unless one is given. No Node
 * imports: the same builders run in vitest and in a browser page.
 */
export { buildAcademicYear } from './calendar-factories';
export { buildPerson, buildRelationship, buildYoungPerson } from './people-factories';
export {
  buildCaseFilePlace,
  buildCheckableRestriction,
  buildContactForm,
  buildContactFormEntry,
  buildCourtOrderEntry,
  buildRestriction,
  buildRestrictionChange,
  buildRoom,
  buildVisit,
  buildVisitorEntry,
} from './register-factories';
export { buildContactArrangement } from './contact-plan-factories';
export { at } from './wall-clock-instant';
export { buildPanGroup } from './pan-factories';
export { buildStaffMember } from './staff-factories';
export { buildReviewYoungPerson, reviewStaff, termOf } from './review-factories';
