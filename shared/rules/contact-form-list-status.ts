import { kindsOf } from '../schemas/common';

/**
 * Where a form stands, for the Contact forms list and its status filter: still being written and
 * due (or overdue), or filed on time (or late). Measured from the form's own stored due moment,
 * which already holds the home's hours when it fell due (DESIGN rule 1): on time means filed at
 * or before it, to the millisecond, as `contactFormStatus` says.
 */
export const contactFormListStatusLabels = {
  draft: 'Not filed yet (due or overdue)',
  due: 'Due',
  overdue: 'Overdue',
  filed: 'Filed (on time or late)',
  filedLate: 'Filed late',
} as const satisfies Record<string, string>;
export type ContactFormListStatus = keyof typeof contactFormListStatusLabels;
export const contactFormListStatuses = kindsOf(contactFormListStatusLabels);

export type ListedForm = {
  readonly status: 'draft' | 'filed';
  readonly dueAt: string;
  readonly filedAt?: string | undefined;
};

/** 'due' | 'overdue' for a draft, 'filed' | 'filedLate' for a filed form. */
export function listedStatusOf(form: ListedForm, now: Date): Exclude<ContactFormListStatus, 'draft'> {
  const dueMs = Date.parse(form.dueAt);
  if (form.status === 'draft') return now.getTime() <= dueMs ? 'due' : 'overdue';
  return form.filedAt !== undefined && Date.parse(form.filedAt) > dueMs ? 'filedLate' : 'filed';
}

/** Whether a form belongs under the status filter `wanted` ('draft' and 'filed' take both of theirs). */
export function matchesListStatus(form: ListedForm, wanted: ContactFormListStatus, now: Date): boolean {
  const status = listedStatusOf(form, now);
  switch (wanted) {
    case 'draft':
      return form.status === 'draft';
    case 'filed':
      return form.status === 'filed';
    case 'due':
    case 'overdue':
    case 'filedLate':
      return status === wanted;
    default: {
      const unreachable: never = wanted;
      return unreachable;
    }
  }
}
