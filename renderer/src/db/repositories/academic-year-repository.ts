import { academicYearFormSchema, academicYearSchema, type AcademicYear } from '@shared/schemas/academic-year';
import { academicYearOverlaps, academicYearSpan } from '@shared/rules/academic-calendar';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { AcademicYearRow, FamilyLinksDb } from '../database';

export type AcademicYearSaveError = 'invalid' | 'overlap' | 'duplicate-label' | 'not-found';

function toRecord(row: AcademicYearRow): AcademicYear {
  const { startsOn: _startsOn, endsOn: _endsOn, ...record } = row;
  return academicYearSchema.parse(record);
}

/** The home's academic years and their terms: what every "termly" figure counts against. */
export function academicYearRepository(db: FamilyLinksDb, newId: () => string = () => crypto.randomUUID()) {
  return {
    /** Every year, earliest first. */
    async list(): Promise<AcademicYear[]> {
      const rows = await db.academicYears.orderBy('startsOn').toArray();
      return rows.map(toRecord);
    },

    /**
     * Adds a year (no `id`) or replaces one (with `id`). The dates are checked on their own and
     * against every other year in the same transaction, so two windows cannot save overlapping
     * years between the check and the write.
     */
    async save(input: unknown, id?: string): Promise<Result<AcademicYear, AcademicYearSaveError>> {
      const parsed = academicYearFormSchema.safeParse(input);
      if (!parsed.success) {
        return fail('invalid', 'Some dates need correcting before the year can be saved.', fieldMessages(parsed.error));
      }
      const record: AcademicYear = { id: id ?? newId(), ...parsed.data };
      const span = academicYearSpan(record);
      if (!span) return fail('invalid', 'A year needs its three terms.');
      return db.transaction('rw', db.academicYears, async (): Promise<Result<AcademicYear, AcademicYearSaveError>> => {
        if (id !== undefined && (await db.academicYears.get(id)) === undefined) {
          return fail('not-found', 'That academic year is no longer in the calendar. Reload the page and try again.');
        }
        const others = (await db.academicYears.toArray()).filter((row) => row.id !== record.id);
        const sameLabel = others.find((row) => row.label === record.label);
        if (sameLabel) {
          return fail('duplicate-label', `There is already an academic year ${record.label}.`, { label: `There is already an academic year ${record.label}. Edit that one instead.` });
        }
        const overlapping = academicYearOverlaps(record, others)[0];
        if (overlapping) {
          const message = `These dates overlap ${overlapping.label} (${overlapping.startsOn} to ${overlapping.endsOn}). Years cannot share any days.`;
          return fail('overlap', message, { 'terms.0.startsOn': message });
        }
        await db.academicYears.put({ ...record, ...span });
        return ok(record);
      });
    },
  };
}
export type AcademicYearRepository = ReturnType<typeof academicYearRepository>;
