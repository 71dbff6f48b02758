import type { AuditLogFilter } from '@shared/rules/audit-log-filter';
import { formatUkDate } from '@shared/format-dates';
import { auditActionLabel } from './audit-action-labels';
import type { AuditNames } from './audit-entry-words';

/** The filter form as typed: each control's value, '' for "any". */
export type AuditFilterValues = {
  readonly fromDate: string;
  readonly toDate: string;
  /** '' (anyone), 'notSignedIn', or `staff:<id>`. */
  readonly who: string;
  /** '' (any action) or an action code. */
  readonly action: string;
  readonly youngPersonId: string;
};

export const noAuditFilter: AuditFilterValues = {
  fromDate: '',
  toDate: '',
  who: '',
  action: '',
  youngPersonId: '',
};

export const notSignedIn = 'notSignedIn';
export const staffChoice = (staffId: string) => `staff:${staffId}`;

export function isDateRangeValid(values: AuditFilterValues): boolean {
  return !values.fromDate || !values.toDate || values.fromDate <= values.toDate;
}

export function isFiltered(values: AuditFilterValues): boolean {
  return Object.values(values).some((value) => value !== '');
}

/** The form's values as the repository's filter. */
export function auditLogFilterOf(values: AuditFilterValues): AuditLogFilter {
  const staffId = values.who.startsWith('staff:') ? values.who.slice('staff:'.length) : undefined;
  return {
    ...(values.fromDate ? { fromDate: values.fromDate } : {}),
    ...(values.toDate ? { toDate: values.toDate } : {}),
    ...(staffId
      ? { actor: { kind: 'staff', staffId } }
      : values.who === notSignedIn
        ? { actor: { kind: 'notSignedIn' } }
        : {}),
    ...(values.action ? { actions: [values.action] } : {}),
    ...(values.youngPersonId ? { youngPersonId: values.youngPersonId } : {}),
  };
}

/**
 * The filter in words, for the disclosure log's "what left the app": "Audit log, 12 entries:
 * by Priya Nair; Ended a contact restriction; about Millie Jones; 1 Mar 2026 to 31 Mar 2026".
 */
export function auditExportWhat(values: AuditFilterValues, count: number, names: AuditNames): string {
  const parts: string[] = [];
  const staffId = values.who.startsWith('staff:') ? values.who.slice('staff:'.length) : undefined;
  if (staffId) parts.push(`by ${names.staff.get(staffId) ?? 'a former colleague'}`);
  if (values.who === notSignedIn) parts.push('by no one signed in');
  if (values.action) parts.push(auditActionLabel(values.action));
  if (values.youngPersonId)
    parts.push(`about ${names.youngPeople.get(values.youngPersonId) ?? 'a young person no longer listed'}`);
  if (values.fromDate || values.toDate)
    parts.push(
      `${values.fromDate ? formatUkDate(values.fromDate) : 'the start'} to ${values.toDate ? formatUkDate(values.toDate) : 'today'}`,
    );
  const entries = `${count.toLocaleString('en-GB')} ${count === 1 ? 'entry' : 'entries'}`;
  const what = `Audit log, ${entries}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`;
  return what.length > 300 ? `${what.slice(0, 299)}…` : what;
}
