import { isAuthenticAuditEntry } from '@shared/rules/audit-chain';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';

/** The audit log's record of a form being signed and filed: who, when, and the SHA-256 of the signed file. */
export type SigningRecord = {
  readonly actorId: string | undefined;
  readonly at: string;
  readonly sha256: string | undefined;
  /** The entry's own HMAC checks out under the audit key (nobody changed it). */
  readonly isAuthentic: boolean;
};

const filingActions = new Set(['contact-form.filed', 'contact-form.addendum-filed']);

/**
 * The signing record of a filed form, read by time (the audit log is indexed by `at`): the entry
 * is written in the same transaction as the filing, a moment after the form's `filedAt`, so only
 * the minutes after it are read, not the whole log.
 */
export async function signingRecordOf(
  db: FamilyLinksDb,
  session: Session,
  form: Pick<ContactForm, 'id' | 'filedAt'>,
): Promise<SigningRecord | undefined> {
  if (!form.filedAt) return undefined;
  const from = new Date(Date.parse(form.filedAt) - 60_000).toISOString();
  const to = new Date(Date.parse(form.filedAt) + 15 * 60_000).toISOString();
  const entries = await db.audit.where('at').between(from, to, true, true).toArray();
  const entry = entries.find((item) => item.recordId === form.id && filingActions.has(item.action));
  if (!entry) return undefined;
  return {
    actorId: entry.actorId,
    at: entry.at,
    sha256: /sha256 ([0-9a-f]{64})/.exec(entry.detail ?? '')?.[1],
    isAuthentic: await isAuthenticAuditEntry(entry, session.auditKey),
  };
}
