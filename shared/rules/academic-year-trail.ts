import type { AcademicYearDates } from './academic-calendar';
import {
  canonicalDigest,
  digestInDetail,
  isNewer,
  newestEntryOf,
  settleActions,
  type SettingTrailEntry,
  type SettingVerdict,
} from './setting-trail';

/**
 * What the audit log says each academic year must hold, so term dates edited in IndexedDB are not
 * trusted. Years are plain rows (term dates are not personal), yet they decide every termly count
 * (the policy's home visit and PEP invitation each term, a missed term shown red) and where forms
 * are filed, so moving a term's dates could make a missed term vanish. As with the manager's
 * settings (`setting-trail.ts`), each save's audit entry ends with the SHA-256 of the row saved,
 * and a row is trusted only if it matches the newest such entry for its id.
 *
 * Unlike the settings, the years are an open set: one can be added. So the log also holds a
 * home-wide marker of when digests began (`academicYearDigestsBeganAction`), written at the first
 * manager session that records the digests of the years saved before it. Before the marker, a
 * year whose entries carry no digest is the manager's, recorded as it stands at her next session;
 * after it, every save carries one, so a year with no entry, or whose newest entry has none, was
 * put there outside Family Links.
 */

/** The record type every entry about a year is written under: its table's name, as sync settles it. */
export const academicYearRecordType = 'academicYears';
/** The record type saves used before saves and sync settling were one; read so their entries count. */
export const earlierAcademicYearRecordType = 'academicYear';
export const academicYearRecordTypes = [academicYearRecordType, earlierAcademicYearRecordType] as const;

export const academicYearSaveActions = ['academic-year.created', 'academic-year.updated'] as const;
/** A year's row recorded, as it stood, because its newest entry was written before digests. */
export const academicYearDigestRecordedAction = 'academic-year.digest-recorded';
/** The marker: from this entry's time on, every entry that says what a year holds carries a digest. */
export const academicYearDigestsBeganAction = 'academic-year.digests-began';
/** The marker's record id: it is about the calendar as a whole, not one year (ids are UUIDs). */
export const wholeCalendarRecordId = 'calendar';

const trailActions: ReadonlySet<string> = new Set([
  ...academicYearSaveActions,
  academicYearDigestRecordedAction,
  ...settleActions,
]);

/** A year's row as stored: its record and the first and last day it spans (indexed). */
export type AcademicYearRowDates = AcademicYearDates & {
  readonly id: string;
  readonly startsOn: string;
  readonly endsOn: string;
};

/**
 * The SHA-256 of a year's whole row, span included: the span is what the calendar is ordered and
 * checked for overlaps by, so it is held as firmly as the terms.
 */
export function academicYearDigest(row: AcademicYearRowDates): Promise<string> {
  return canonicalDigest({ table: academicYearRecordType, row });
}

/** The newest entry that says what a year holds. */
export function newestYearEntry<Entry extends SettingTrailEntry>(
  entries: readonly Entry[],
): Entry | undefined {
  return newestEntryOf(trailActions, entries);
}

/**
 * When digests began: the earliest marker (the stricter, if two computers each wrote one). A
 * marker whose MAC did not verify is not one: it was planted.
 */
export function digestsBeganAt(entries: readonly SettingTrailEntry[]): string | undefined {
  let earliest: string | undefined;
  for (const entry of entries)
    if (
      entry.action === academicYearDigestsBeganAction &&
      entry.isAuthentic !== false &&
      (earliest === undefined || entry.at < earliest)
    )
      earliest = entry.at;
  return earliest;
}

/**
 * Whether a year's row can be trusted (`settingVerdict`'s kinds), given its own entries and when
 * digests began (undefined: not yet, on this home):
 * - `trusted`: it matches the digest of the newest entry;
 * - `unset`: no row and no entry;
 * - `unchecked`: nothing to hold it to yet (no entry with a digest, written before digests began);
 * - `damaged`: a row that does not match, a row with no entry or a newest entry without a digest
 *   after digests began, or an entry whose row is gone (the app never deletes a year).
 */
export function academicYearVerdict(
  rowDigest: string | undefined,
  entries: readonly SettingTrailEntry[],
  began: string | undefined,
): SettingVerdict {
  const newest = newestYearEntry(entries.filter((entry) => entry.isAuthentic !== false));
  // A forged entry newer than every genuine one: ignoring it would let an older genuine entry
  // vouch for a row rolled back to match it, so the year cannot be trusted.
  const newestForged = newestYearEntry(entries.filter((entry) => entry.isAuthentic === false));
  if (newestForged !== undefined && (newest === undefined || !isNewer(newest, newestForged)))
    return { kind: 'damaged', reason: 'entry-not-authentic' };
  if (rowDigest === undefined)
    return newest === undefined ? { kind: 'unset' } : { kind: 'damaged', reason: 'row-gone' };
  if (newest === undefined)
    return began === undefined ? { kind: 'unchecked' } : { kind: 'damaged', reason: 'no-entry' };
  const logged = digestInDetail(newest.detail);
  if (logged === undefined)
    return began === undefined || newest.at < began
      ? { kind: 'unchecked' }
      : { kind: 'damaged', reason: 'not-as-logged' };
  return logged === rowDigest ? { kind: 'trusted' } : { kind: 'damaged', reason: 'not-as-logged' };
}

const savedLabelPattern = /^(\d{4}\/\d{2})(?:; sha256:[0-9a-f]{64})?$/;

/**
 * The year's label as its newest save or recording named it, for a year whose row is gone or
 * cannot be trusted (its label may be the edited one). Undefined if no entry names one.
 */
export function labelInEntries(entries: readonly SettingTrailEntry[]): string | undefined {
  const named = newestYearEntry(entries.filter((entry) => savedLabelPattern.test(entry.detail ?? '')));
  return named === undefined ? undefined : savedLabelPattern.exec(named.detail ?? '')?.[1];
}
