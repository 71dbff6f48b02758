import { fail } from '@shared/result';
import type { HandoverChanges, HandoverItem, HandoverRecords } from '@shared/rules/handover';
import type { PanGroup } from '@shared/schemas/pan';
import type { YoungPerson } from '@shared/schemas/people';
import type { FamilyLinksDb, PanGroupPlainKey, YoungPersonPlainKey } from '../database';
import type { SealedRow } from '../sealed-codec';
import type { WriteStep } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { contactFormCodec, type ContactFormRow } from './contact-form-codec';
import { panGroupCodec } from './pan-group-repository';
import { youngPersonCodec } from './young-people-repository';

/** What a handover read: the records, and the rows they were opened from (to refuse a change made since). */
export type HandoverRead = {
  readonly records: HandoverRecords;
  readonly rows: {
    readonly youngPeople: ReadonlyMap<string, SealedRow<YoungPerson, YoungPersonPlainKey>>;
    readonly panGroups: ReadonlyMap<string, SealedRow<PanGroup, PanGroupPlainKey>>;
    readonly forms: ReadonlyMap<string, ContactFormRow>;
  };
};

export type HandoverWriteError = 'changed';

const changedMeanwhile = fail(
  'changed',
  'Someone changed one of these records a moment ago. Nothing was switched off or handed over: look at the list again, then confirm.',
);

/**
 * The records a leaver's work lives in (DESIGN: young people's PT, CC and mentor; PAN groups;
 * contact forms not yet filed), read for `holdingsOf`, and written back after `applyHandover` as
 * steps of the switch-off's one transaction. Each record is stored over the row it was read from,
 * so a change someone made meanwhile refuses the whole switch-off rather than being lost.
 */
export function handoverRepository(db: FamilyLinksDb) {
  const youngPeople = sealedStore(db.youngPeople, youngPersonCodec);
  const panGroups = sealedStore(db.panGroups, panGroupCodec);
  const forms = sealedStore(db.contactForms, contactFormCodec);

  return {
    /** Every young person and PAN group, and the forms not yet filed (by the status index). */
    async read(session: Session): Promise<HandoverRead> {
      const [youngPersonRows, groupRows, formRows] = await Promise.all([
        db.youngPeople.toArray(),
        db.panGroups.toArray(),
        db.contactForms.where('status').equals('draft').toArray(),
      ]);
      const [openedYoungPeople, openedGroups, openedForms] = await Promise.all([
        youngPeople.open(youngPersonRows, session.cipher),
        panGroups.open(groupRows, session.cipher),
        forms.open(formRows, session.cipher),
      ]);
      return {
        records: { youngPeople: openedYoungPeople, panGroups: openedGroups, draftForms: openedForms },
        rows: {
          youngPeople: new Map(youngPersonRows.map((row) => [row.id, row])),
          panGroups: new Map(groupRows.map((row) => [row.id, row])),
          forms: new Map(formRows.map((row) => [row.id, row])),
        },
      };
    },

    /**
     * The writes and audit entries for `changes`, by `session` at `now`, handing over from
     * `leaverId`. Each audit entry names the record and who it went to, by id (no names: DESIGN,
     * the audit log holds actions and ids).
     */
    steps(
      session: Session,
      read: HandoverRead,
      changes: HandoverChanges,
      leaverId: string,
      assignments: ReadonlyMap<string, string>,
      now: Date,
    ): { writes: WriteStep<HandoverWriteError>[]; events: AuditEventInput[] } {
      const handedTo = (item: HandoverItem) =>
        `from staff ${leaverId} to staff ${assignments.get(item.key) ?? ''}`;
      const writes: WriteStep<HandoverWriteError>[] = [];
      const events: AuditEventInput[] = [];
      for (const { record, items } of changes.youngPeople) {
        const row = read.rows.youngPeople.get(record.id);
        if (!row) throw new Error(`Young person ${record.id} was not read`);
        writes.push(youngPeople.replace(row, record, changedMeanwhile));
        for (const item of items)
          if (item.kind === 'youngPerson')
            events.push({
              action: 'handover.young-person',
              recordType: 'youngPerson',
              recordId: record.id,
              detail: `as ${item.role}, ${handedTo(item)}`,
            });
      }
      for (const { record, items } of changes.panGroups) {
        const row = read.rows.panGroups.get(record.id);
        if (!row) throw new Error(`PAN group ${record.id} was not read`);
        writes.push(
          panGroups.replace(
            row,
            { ...record, updatedAt: now.toISOString(), updatedById: session.staff.id },
            changedMeanwhile,
          ),
        );
        for (const item of items)
          events.push({
            action: 'handover.pan-place',
            recordType: 'panGroup',
            recordId: record.id,
            detail: handedTo(item),
          });
      }
      for (const { record, items } of changes.forms) {
        const row = read.rows.forms.get(record.id);
        if (!row) throw new Error(`Contact form ${record.id} was not read`);
        writes.push(forms.replace(row, record, changedMeanwhile));
        for (const item of items)
          events.push(
            item.kind === 'formAction'
              ? {
                  action: 'handover.contact-form-action',
                  recordType: 'contactForm',
                  recordId: record.id,
                  detail: `action ${item.actionIndex + 1}, ${handedTo(item)}`,
                }
              : {
                  action: 'handover.contact-form',
                  recordType: 'contactForm',
                  recordId: record.id,
                  detail: handedTo(item),
                },
          );
      }
      return { writes, events };
    },
  };
}
