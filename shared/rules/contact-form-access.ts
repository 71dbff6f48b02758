import type { StaffRole } from '../schemas/staff';
import { can, type Scope } from './access';

/**
 * Need to know for contact forms (DESIGN rule 8). A form holds a child's own words and the family's
 * views: those who lead contact (PT, CC, manager) read every form; everyone else reads the forms
 * they wrote or are recorded as taking part in, and nobody else's.
 */
export function contactFormScope(roles: readonly StaffRole[]): Scope {
  if (can(roles, 'contact-form:read-all')) return { kind: 'all' };
  if (can(roles, 'contact-form:file')) return { kind: 'own' };
  return { kind: 'none' };
}

export function mayReadContactForm(
  roles: readonly StaffRole[],
  staffId: string,
  form: { readonly authorId: string; readonly staffIds: readonly string[] },
): boolean {
  const scope = contactFormScope(roles);
  return (
    scope.kind === 'all' ||
    (scope.kind === 'own' && (form.authorId === staffId || form.staffIds.includes(staffId)))
  );
}

/** Only the author changes or files their own form; a filed form changes for nobody (a correction is an addendum). */
export function mayEditContactForm(
  staffId: string,
  form: { readonly authorId: string; readonly status: 'draft' | 'filed' },
): boolean {
  return form.status === 'draft' && form.authorId === staffId;
}
