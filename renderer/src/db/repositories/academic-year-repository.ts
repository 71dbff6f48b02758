import { academicYearFormSchema, type AcademicYear } from '@shared/schemas/academic-year';
import { academicYearOverlaps, academicYearSpan } from '@shared/rules/academic-calendar';
import {
  academicYearDigest,
  academicYearRecordTypes,
  academicYearRecordType,
} from '@shared/rules/academic-year-trail';
import { detailWithDigest } from '@shared/rules/setting-trail';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';
import { checkedCalendar, type CheckedCalendar } from './academic-year-trail';

export type AcademicYearSaveError = 'invalid' | 'overlap' | 'duplicate-label' | 'not-found' | 'forbidden';

/** The home's academic years and their terms: what every "termly" figure counts against. */
export function academicYearRepository(
  db: FamilyLinksDb,
  newId: () => string = () => crypto.randomUUID(),
  clock: () => Date = () => new Date(),
) {
  const records = recordWriter(db, clock);
  const years = plainStore(db.academicYears);
  const damagedNotes = plainStore(db.damagedRecords);
  return {
    /**
     * Every year that can be trusted (`checkedCalendar`), earliest first. With the `reader`'s
     * audit key, entries planted in the log to vouch for an edited year are found out too; every
     * signed-in read passes it.
     */
    async list(reader?: Pick<Session, 'auditKey'>): Promise<AcademicYear[]> {
      return [...(await checkedCalendar(db, reader?.auditKey)).years];
    },

    /** The years that can be trusted, and those changed outside Family Links: for the calendar screen. */
    checked(reader?: Pick<Session, 'auditKey'>): Promise<CheckedCalendar> {
      return checkedCalendar(db, reader?.auditKey);
    },

    /**
     * Adds a year (no `id`) or replaces one (with `id`). Manager only. The dates are checked on
     * their own and against every other year inside the same transaction as the write and its
     * audit entry, so nothing can slip in between the check and the write. The entry ends with the
     * row's digest (`academic-year-trail.ts`), which reads hold the row to; so saving a year changed
     * outside Family Links repairs it, and its note among the damaged records goes in the same
     * transaction. A year whose row was deleted outside Family Links is saved again under its id.
     */
    async save(
      session: Session,
      input: unknown,
      id?: string,
    ): Promise<Result<AcademicYear, AcademicYearSaveError>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can change the academic calendar.');
      const parsed = academicYearFormSchema.safeParse(input);
      if (!parsed.success) {
        return fail(
          'invalid',
          'Some dates need correcting before the year can be saved.',
          fieldMessages(parsed.error),
        );
      }
      const record: AcademicYear = { id: id ?? newId(), ...parsed.data };
      const span = academicYearSpan(record);
      if (!span) return fail('invalid', 'A year needs its three terms.');
      const row = { ...record, ...span };
      // Worked out before the transaction: IndexedDB commits one left waiting on WebCrypto.
      const digest = await academicYearDigest(row);
      const event = {
        action: id === undefined ? 'academic-year.created' : 'academic-year.updated',
        recordType: academicYearRecordType,
        recordId: record.id,
        detail: detailWithDigest(record.label, digest),
      };
      const written = await records.write(session, {
        events: [event],
        writes: [years.put(row), damagedNotes.delete(`${academicYearRecordType}:${record.id}`)],
        reads: [db.audit],
        async check() {
          if (id !== undefined && !(await isKnownYear(db, id)))
            return fail(
              'not-found',
              'That academic year is no longer in the calendar. Reload the page and try again.',
            );
          const others = (await db.academicYears.toArray()).filter((row) => row.id !== record.id);
          if (others.some((row) => row.label === record.label)) {
            const message = `There is already an academic year ${record.label}. Edit that one instead.`;
            return fail('duplicate-label', message, { label: message });
          }
          const overlapping = academicYearOverlaps(record, others)[0];
          if (overlapping) {
            const message = `These dates overlap ${overlapping.label} (${overlapping.startsOn} to ${overlapping.endsOn}). Years cannot share any days.`;
            return fail('overlap', message, { 'terms.0.startsOn': message });
          }
          return undefined;
        },
      });
      if (!written.ok) return written;
      return ok(record);
    },
  };
}
export type AcademicYearRepository = ReturnType<typeof academicYearRepository>;

/** Whether a year is stored, or the audit log says it was (its row deleted outside Family Links). */
async function isKnownYear(db: FamilyLinksDb, id: string): Promise<boolean> {
  if ((await db.academicYears.get(id)) !== undefined) return true;
  const logged = await db.audit
    .where('[recordType+recordId]')
    .anyOf(academicYearRecordTypes.map((type) => [type, id]))
    .count();
  return logged > 0;
}
