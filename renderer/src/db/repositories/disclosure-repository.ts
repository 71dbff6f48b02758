import {
  disclosureReasonFormSchema,
  disclosureRequestSchema,
  disclosureSchema,
  type Disclosure,
} from '@shared/schemas/disclosures';
import { can } from '@shared/rules/access';
import { validForm } from './permitted-form';
import { fail, ok, type Result } from '@shared/result';
import type { DisclosurePlainKey, FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';

// What left the app and to whom can name a child or a family: sealed, in the manager's
// compartment. Anyone may cause a disclosure (an alert after their form); a session without the
// manager's key seals it under the door key, and the manager's next sign-in moves it. The date,
// the young person's id and who took the copy stay plain so the log can be filtered by index.
export const disclosureCodec = createSealedCodec(
  'disclosures',
  disclosureSchema,
  ['id', 'at', 'youngPersonId', 'byId'] satisfies DisclosurePlainKey[],
  { compartment: (_disclosure, cipher) => (cipher.holds('manager') ? 'manager' : undefined) },
);

export type DisclosureError = 'forbidden' | 'invalid';

/** Filters for the manager's view of the log; dates are ISO instants, `to` exclusive. */
export type DisclosureFilter = {
  readonly youngPersonId?: string;
  readonly from?: string;
  readonly to?: string;
};

/**
 * The disclosure log (DESIGN: "every copy that left the app: to whom and why"; seed 003). Anyone
 * who takes a copy out records it, and the record and its audit entry are one transaction. Only
 * the manager, who holds the audit log, reads it.
 */
export function disclosureRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.disclosures, disclosureCodec);
  const records = recordWriter(db, clock);

  return {
    /** Records one copy leaving the app: what the screen knows about it, and the person's answer to "why". */
    async record(
      session: Session,
      request: unknown,
      answer: unknown,
    ): Promise<Result<Disclosure, DisclosureError>> {
      const what = disclosureRequestSchema.safeParse(request);
      if (!what.success)
        return fail('invalid', 'The app could not describe this copy. Nothing was exported.');
      const why = validForm(disclosureReasonFormSchema, answer);
      if (!why.ok) return why;
      const now = clock();
      const disclosure = disclosureSchema.parse({
        ...what.data,
        ...why.value,
        id: crypto.randomUUID(),
        at: now.toISOString(),
        byId: session.staff.id,
      });
      await records.write(session, {
        at: now,
        events: [
          {
            action: 'disclosure.recorded',
            recordType: 'disclosure',
            recordId: disclosure.id,
            detail: `${disclosure.kind}:${disclosure.reason}`,
          },
        ],
        writes: [store.insert(disclosure)],
      });
      return ok(disclosure);
    },

    /** The log, newest first, for the manager only; `undefined` for anyone else. */
    async list(session: Session, filter: DisclosureFilter = {}): Promise<Disclosure[] | undefined> {
      if (!can(session.roles, 'audit:view')) return undefined;
      const from = filter.from ?? '';
      const to = filter.to ?? '\uffff';
      const rows = filter.youngPersonId
        ? (await db.disclosures.where('youngPersonId').equals(filter.youngPersonId).toArray()).filter(
            (row) => row.at >= from && row.at < to,
          )
        : await db.disclosures.where('at').between(from, to, true, false).toArray();
      rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return store.open(rows, session.cipher);
    },
  };
}

/**
 * Notes in the audit log that a file left the app (DESIGN: the hash of every exported file is kept
 * in the audit log), tied to the disclosure recorded first that says to whom and why. `detail`
 * names the file and its SHA-256; never a name or a note.
 */
export async function auditFileLeft(
  records: Pick<ReturnType<typeof recordWriter>, 'write'>,
  session: Session,
  file: { readonly action: string; readonly disclosureId: string; readonly detail: string },
): Promise<void> {
  await records.write(session, {
    events: [
      { action: file.action, recordType: 'disclosure', recordId: file.disclosureId, detail: file.detail },
    ],
  });
}
