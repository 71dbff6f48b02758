import { Dexie } from 'dexie';
import { academicYearSchema, academicYearShape, type AcademicYear } from '@shared/schemas/academic-year';
import {
  academicYearDigest,
  academicYearRecordType,
  academicYearRecordTypes,
  academicYearVerdict,
  digestsBeganAt,
  labelInEntries,
  wholeCalendarRecordId,
} from '@shared/rules/academic-year-trail';
import type { SettingVerdict } from '@shared/rules/setting-trail';
import type { AuditKey, ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { AcademicYearRow, FamilyLinksDb } from '../database';
import { isAuthenticEntry } from './audit-entry-authenticity';

/** One year as read against the audit log (`academicYearVerdict`). */
export type CheckedYearRow = {
  readonly id: string;
  readonly row: AcademicYearRow | undefined;
  readonly entries: readonly YearTrailEntry[];
  readonly verdict: SettingVerdict;
};

/** An entry about a year, with whether its MAC verified when an audit key was at hand. */
type YearTrailEntry = ChainedAuditEntry & { readonly isAuthentic?: boolean };

/**
 * Every year's row held to its audit entries, with when digests began (undefined: not yet). The
 * entries are found by the record index, `[recordType+recordId]`, under both record types a year
 * has been written under: only the calendar's entries are read, never the whole log. Every read
 * is made before the first digest is worked out, so a live query sees them all.
 *
 * With the audit key (a signed-in session's), each entry's MAC is checked too, so a row edited
 * together with an entry planted to vouch for it reads as damaged; without one the entries are
 * taken as they stand, and only the manager's check of the log shows such an edit.
 */
export async function academicYearsChecked(
  db: FamilyLinksDb,
  auditKey?: AuditKey,
): Promise<{ readonly years: CheckedYearRow[]; readonly began: string | undefined }> {
  const [rows, ...entryLists] = await Promise.all([
    db.academicYears.orderBy('startsOn').toArray(),
    ...academicYearRecordTypes.map((type) =>
      db.audit.where('[recordType+recordId]').between([type, Dexie.minKey], [type, Dexie.maxKey]).toArray(),
    ),
  ]);
  const read = entryLists.flat();
  const entries: YearTrailEntry[] =
    auditKey === undefined
      ? read
      : await Promise.all(
          read.map(async (entry) => ({ ...entry, isAuthentic: await isAuthenticEntry(entry, auditKey) })),
        );
  const began = digestsBeganAt(
    entries.filter(
      (entry) => entry.recordType === academicYearRecordType && entry.recordId === wholeCalendarRecordId,
    ),
  );
  const byYear = new Map<string, YearTrailEntry[]>();
  for (const entry of entries) {
    if (entry.recordId === undefined || entry.recordId === wholeCalendarRecordId) continue;
    byYear.set(entry.recordId, [...(byYear.get(entry.recordId) ?? []), entry]);
  }
  // Rows first, in date order; then any year the log names whose row is gone.
  const ids = [...new Set([...rows.map((row) => row.id), ...byYear.keys()])];
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const years = await Promise.all(
    ids.map(async (id): Promise<CheckedYearRow> => {
      const row = rowById.get(id);
      const own = byYear.get(id) ?? [];
      const rowDigest = row === undefined ? undefined : await academicYearDigest(row);
      return { id, row, entries: own, verdict: academicYearVerdict(rowDigest, own, began) };
    }),
  );
  return { years: years.filter((year) => year.verdict.kind !== 'unset'), began };
}

/**
 * A year's record from its row (the span is the row's index, not part of the record); undefined
 * if unreadable. `shapeOnly`: its fields, whether or not its dates make sense together.
 */
function yearRecordOf(row: AcademicYearRow, shapeOnly = false): AcademicYear | undefined {
  const { startsOn: _startsOn, endsOn: _endsOn, ...record } = row;
  const parsed = (shapeOnly ? academicYearShape : academicYearSchema).safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

/** A year changed outside Family Links, as the calendar screen lists it for the manager to repair. */
export type DamagedYear = {
  readonly id: string;
  /** Its label as the log last named it, or the row's if the log names none. */
  readonly label: string | undefined;
  /**
   * The dates as they stand now (not to be trusted: for the manager to check, and perhaps not even
   * in order), undefined if the row is gone or no longer has a year's fields.
   */
  readonly stored: AcademicYear | undefined;
};

/** The calendar as it may be trusted: the years to count by, and the ones changed outside Family Links. */
export type CheckedCalendar = {
  readonly years: readonly AcademicYear[];
  readonly damaged: readonly DamagedYear[];
};

/**
 * The calendar read against the audit log. A damaged year is left out of `years`, so nothing
 * counts a term by dates that may have been moved: a term read by moved dates can take in a visit
 * from outside it and show a missed term as met (amber or green where the policy says red),
 * whereas a year left out shows as no term dates, which every screen that counts by terms already
 * says plainly (the manager's home lists it as something to put right, and the termly review
 * offers none of its terms), and the calendar screen names it for the manager to check and save.
 * A row that no longer passes the schema is left out the same way.
 */
export async function checkedCalendar(db: FamilyLinksDb, auditKey?: AuditKey): Promise<CheckedCalendar> {
  const { years } = await academicYearsChecked(db, auditKey);
  const trusted: AcademicYear[] = [];
  const damaged: DamagedYear[] = [];
  for (const { id, row, entries, verdict } of years) {
    const record = row === undefined ? undefined : yearRecordOf(row);
    if (verdict.kind !== 'damaged' && record !== undefined) trusted.push(record);
    else if (verdict.kind === 'damaged') {
      const stored = row === undefined ? undefined : yearRecordOf(row, true);
      damaged.push({ id, label: labelInEntries(entries) ?? stored?.label, stored });
    }
  }
  return { years: trusted, damaged };
}

/** One year by id, if it can be trusted (`checkedCalendar`): for reads that name a year. */
export async function trustedYear(
  db: FamilyLinksDb,
  id: string,
  auditKey?: AuditKey,
): Promise<AcademicYear | undefined> {
  return (await checkedCalendar(db, auditKey)).years.find((year) => year.id === id);
}
