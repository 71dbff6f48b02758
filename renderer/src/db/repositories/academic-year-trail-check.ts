import { canonicalJson } from '@shared/rules/audit-chain';
import { can } from '@shared/rules/access';
import { fail } from '@shared/result';
import {
  academicYearDigest,
  academicYearDigestRecordedAction,
  academicYearDigestsBeganAction,
  academicYearRecordType,
  wholeCalendarRecordId,
} from '@shared/rules/academic-year-trail';
import { detailWithDigest } from '@shared/rules/setting-trail';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { DamagedRecordError } from '../row-binding';
import type { Session } from '../session';
import { academicYearsChecked } from './academic-year-trail';
import { damagedRecordRepository } from './damaged-record-repository';

/** What one pass found: years whose digest it recorded, years changed outside Family Links, and whether it began digests. */
export type YearTrailOutcome = {
  readonly recorded: readonly string[];
  readonly damaged: readonly string[];
  readonly began: boolean;
};

/**
 * Run from the manager's session (her home screen, in the background), as `checkSettingsTrail`
 * is for the settings:
 *
 * - On a home whose years were saved before entries carried digests, each such year is trusted as
 *   it stands and its digest recorded now, in the same transaction as the marker saying digests
 *   have begun (`academic-year-trail.ts`). From then on a year with no entry, or whose newest
 *   entry has no digest, was put there outside Family Links. Done at the first manager session,
 *   so the window in which an edit would be taken as the manager's is until she next signs in.
 * - A year changed outside Family Links is noted among the damaged records, so the manager's home
 *   counts it (every read already leaves it out of the calendar on its own).
 */
export async function checkAcademicYearsTrail(
  db: FamilyLinksDb,
  session: Session,
  clock: () => Date = () => new Date(),
): Promise<YearTrailOutcome> {
  if (!can(session.roles, 'settings:manage')) return { recorded: [], damaged: [], began: false };
  const { years, began } = await academicYearsChecked(db, session.auditKey);
  const damaged = years.filter((year) => year.verdict.kind === 'damaged').map(({ id }) => id);
  if (damaged.length > 0)
    await damagedRecordRepository(db, clock).note(
      session,
      damaged.map((id) => new DamagedRecordError(academicYearRecordType, id, 'not-as-logged')),
    );

  const unchecked = years.flatMap(({ id, row, verdict }) =>
    verdict.kind === 'unchecked' && row !== undefined ? [{ id, row }] : [],
  );
  if (unchecked.length === 0 && began !== undefined) return { recorded: [], damaged, began: false };
  // The calendar's entries as read (a planted marker among them was found out there, by its MAC).
  const markersSeen = new Set((await wholeCalendarEntries(db).primaryKeys()).map((seq) => String(seq)));
  // Worked out before the transaction: IndexedDB commits one left waiting on WebCrypto.
  const digested = await Promise.all(
    unchecked.map(async (year) => ({ ...year, digest: await academicYearDigest(year.row) })),
  );
  const marker =
    began === undefined
      ? [
          {
            action: academicYearDigestsBeganAction,
            recordType: academicYearRecordType,
            recordId: wholeCalendarRecordId,
          },
        ]
      : [];
  const written = await recordWriter(db, clock).write(session, {
    events: [
      ...digested.map(({ id, row, digest }) => ({
        action: academicYearDigestRecordedAction,
        recordType: academicYearRecordType,
        recordId: id,
        detail: detailWithDigest(row.label, digest),
      })),
      ...marker,
    ],
    reads: [db.academicYears],
    // A year changed since it was read (saved meanwhile, or arrived from another computer) is left
    // for the next pass rather than recorded with a digest it no longer has; a marker written
    // meanwhile (by another tab) is the one that counts.
    async check() {
      const now = await db.academicYears.bulkGet(unchecked.map(({ id }) => id));
      const moved = unchecked.some(
        ({ row }, index) => canonicalJson(now[index] ?? null) !== canonicalJson(row),
      );
      // Only an entry that was not there when the calendar was read: a marker planted before
      // then was judged by its MAC (no MAC can be checked inside the transaction), and counting it
      // here would keep the genuine marker from ever being written.
      const markedMeanwhile =
        began === undefined &&
        (await wholeCalendarEntries(db).primaryKeys()).some((seq) => !markersSeen.has(String(seq)));
      return moved || markedMeanwhile
        ? fail('moved', 'The calendar changed while its digests were being recorded.')
        : undefined;
    },
  });
  return written.ok
    ? { recorded: unchecked.map(({ id }) => id), damaged, began: began === undefined }
    : { recorded: [], damaged, began: false };
}

/** The entries about the calendar as a whole (the marker of when digests began). */
function wholeCalendarEntries(db: FamilyLinksDb) {
  return db.audit.where('[recordType+recordId]').equals([academicYearRecordType, wholeCalendarRecordId]);
}
