import type { FormAction } from '@shared/schemas/form-actions';

/** The order every list of actions keeps: the soonest due by first, those with no date agreed last. */
export function bySoonestDue(a: { readonly action: FormAction }, b: { readonly action: FormAction }): number {
  return (a.action.dueOn ?? '9999-12-31').localeCompare(b.action.dueOn ?? '9999-12-31');
}
