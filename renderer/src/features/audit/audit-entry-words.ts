import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
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
