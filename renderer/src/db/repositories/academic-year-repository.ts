import { academicYearFormSchema, academicYearSchema, type AcademicYear } from '@shared/schemas/academic-year';
import { academicYearOverlaps, academicYearSpan } from '@shared/rules/academic-calendar';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import { can } from '@shared/rules/access';
import type { AcademicYearRow, FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';

export type AcademicYearSaveError = 'invalid' | 'overlap' | 'duplicate-label' | 'not-found' | 'forbidden';

function toRecord(row: AcademicYearRow): AcademicYear {
  const { startsOn: _startsOn, endsOn: _endsOn, ...record } = row;
  return academicYearSchema.parse(record);
}

/** The home's academic years and their terms: what every "termly" figure counts against. */
export function academicYearRepository(
  db: FamilyLinksDb,
  newId: () => string = () => crypto.randomUUID(),
  clock: () => Date = () => new Date(),
) {
  const records = recordWriter(db, clock);
  const years = plainStore(db.academicYears);
  return {
    /** Every year, earliest first. */
    async list(): Promise<AcademicYear[]> {
      const rows = await db.academicYears.orderBy('startsOn').toArray();
      return rows.map(toRecord);
    },

    /**
     * Adds a year (no `id`) or replaces one (with `id`). Manager only. The dates are checked on
     * their own and against every other year inside the same transaction as the write and its
     * audit entry, so nothing can slip in between the check and the write.
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
      const event = {
        action: id === undefined ? 'academic-year.created' : 'academic-year.updated',
        recordType: 'academicYear',
        recordId: record.id,
        detail: record.label,
      };
      const written = await records.write(session, {
        events: [event],
        writes: [years.put({ ...record, ...span })],
        async check() {
          if (id !== undefined && (await db.academicYears.get(id)) === undefined)
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
