import { dayAndTime } from '@shared/home-time';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import { staffRoleLabels } from '@shared/schemas/staff';
import { auditRecordTypeLabel } from './audit-action-labels';

/** Names the log's ids stand for, as the screen knows them. */
export type AuditNames = {
  readonly staff: ReadonlyMap<string, string>;
  readonly youngPeople: ReadonlyMap<string, string>;
};

/** Who wrote an entry, in words: a colleague's name, or "Not signed in" for a failed or refused sign-in. */
export function auditActorWords(entry: ChainedAuditEntry, names: AuditNames): string {
  if (!entry.actorId) return 'Not signed in';
  return names.staff.get(entry.actorId) ?? 'Unknown account';
}

/**
 * What an entry is about, in words ("Contact restriction"); a staff account or a young person by
 * name as well. The log itself holds only ids: names are looked up as it is shown.
 */
export function auditRecordWords(entry: ChainedAuditEntry, names: AuditNames): string {
  if (!entry.recordType) return '';
  const type = auditRecordTypeLabel(entry.recordType);
  if (!entry.recordId) return type;
  if (entry.recordType === 'staff') return `${type}: ${names.staff.get(entry.recordId) ?? 'unknown'}`;
  if (entry.recordType === 'youngPerson')
    return `${type}: ${names.youngPeople.get(entry.recordId) ?? 'no longer listed'}`;
  return type;
}

/** An instant as the log stores it, "2026-12-07T16:14:57.082Z" (with or without seconds' fraction). */
const storedInstant = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;
/** A colleague as the log names them, by account id: "staff 803900f0-7ea3-…". */
const storedStaff = /\bstaff ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;
/** Which of an account's details changed, as the log writes them: "changed: email, isActive". */
const accountChange = /^changed: ([\w, ]+)$/;
const accountFieldWords = new Map([
  ['name', 'name'],
  ['email', 'work email'],
  ['roles', 'roles'],
  ['isActive', 'switched on or off'],
]);
/** A role as the log writes it, "personalTutor". */
const roleWords = new Map<string, string>(Object.entries(staffRoleLabels));
const storedRole = new RegExp(`\\b(${[...roleWords.keys()].join('|')})\\b`, 'g');

/**
 * An entry's detail as a person reads it: any instant in it on the home's clock, as every other
 * time on the screen is ("until 7 Dec 2026, 16:14"), and a colleague's account id as their name
 * ("from Grace Okafor to Sam Patel"), as the Who and Record columns show them, and a role or an
 * account's detail in words ("as Personal Tutor", "changed: work email"). The log itself keeps
 * the exact instant and the id (names are never written into it); only the screen's words change.
 */
export function auditDetailWords(detail: string | undefined, timeZone: string, names: AuditNames): string {
  if (!detail) return '';
  return (
    detail
      .replace(accountChange, (words, fields: string) => {
        const named = fields.split(', ').map((field) => accountFieldWords.get(field));
        return named.every((field) => field !== undefined) ? `changed: ${named.join(', ')}` : words;
      })
      .replace(storedInstant, (instant) =>
        Number.isNaN(Date.parse(instant)) ? instant : dayAndTime(instant, timeZone),
      )
      .replace(storedRole, (role) => roleWords.get(role) ?? role)
      // Last, so that nothing in a colleague's name is taken for a role or an instant.
      .replace(storedStaff, (words, staffId: string) => names.staff.get(staffId) ?? words)
  );
}
