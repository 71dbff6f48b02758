import { describe, expect, it } from 'vitest';
import type { AcademicYearRow, FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { checkAcademicYearsTrail } from '../../../../../renderer/src/db/repositories/academic-year-trail-check';
import { recordWriter } from '../../../../../renderer/src/db/record-writer';
import { plainStore } from '../../../../../renderer/src/db/sealed-store';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildAcademicYear } from '../../../../factories';
import { okValue } from '../../ok-value';
import { databasesClosedAfterEach, freshDatabase } from '../test-database';
import { testSession } from '../test-session';

const opened = databasesClosedAfterEach();

async function setUp() {
  const db = freshDatabase();
  opened.push(db);
  const manager = await testSession(['registeredManager']);
  return { db, manager, years: academicYearRepository(db) };
}

function rowStarting(startYear: number): AcademicYearRow {
  const year = buildAcademicYear({ startYear });
  return { ...year, startsOn: year.terms[0].startsOn, endsOn: year.terms[2].endsOn };
}

/** A year saved as the app did before digests: the action, the label, no digest, the older record type. */
async function savedBeforeDigests(db: FamilyLinksDb, manager: Session, row: AcademicYearRow) {
  await recordWriter(db, () => new Date('2026-01-05T10:00:00.000Z')).write(manager, {
    events: [
      { action: 'academic-year.created', recordType: 'academicYear', recordId: row.id, detail: row.label },
    ],
    writes: [plainStore(db.academicYears).put(row)],
  });
}

const moveAutumnEnd = (db: FamilyLinksDb, row: AcademicYearRow, endsOn: string) =>
  db.academicYears.put({ ...row, terms: [{ ...row.terms[0], endsOn }, row.terms[1], row.terms[2]] });

describe('the manager’s session holding the term dates to the audit log', () => {
  it('records the years of a home from before digests as they stand, with the marker, then holds them', async () => {
    const { db, manager, years } = await setUp();
    const old = rowStarting(2025);
    await savedBeforeDigests(db, manager, old);
    expect((await years.list()).map((year) => year.id)).toEqual([old.id]);
    expect(await checkAcademicYearsTrail(db, manager)).toEqual({
      recorded: [old.id],
      damaged: [],
      began: true,
    });
    expect((await db.audit.toArray()).slice(-2)).toMatchObject([
      {
        action: 'academic-year.digest-recorded',
        recordType: 'academicYears',
        recordId: old.id,
        detail: expect.stringMatching(/^2025\/26; sha256:[0-9a-f]{64}$/) as unknown,
      },
      { action: 'academic-year.digests-began', recordType: 'academicYears', recordId: 'calendar' },
    ]);
    expect(await checkAcademicYearsTrail(db, manager)).toEqual({ recorded: [], damaged: [], began: false });
    await moveAutumnEnd(db, old, '2025-11-28');
    expect(await years.list()).toEqual([]);
    expect(await checkAcademicYearsTrail(db, manager)).toEqual({
      recorded: [],
      damaged: [old.id],
      began: false,
    });
  });

  it('takes a year with no entry at all as the manager’s before the marker, and refuses one after it', async () => {
    const { db, manager, years } = await setUp();
    const seeded = rowStarting(2025);
    await db.academicYears.put(seeded);
    expect(await checkAcademicYearsTrail(db, manager)).toEqual({
      recorded: [seeded.id],
      damaged: [],
      began: true,
    });
    const added = rowStarting(2026);
    await db.academicYears.put(added);
    expect(await checkAcademicYearsTrail(db, manager)).toEqual({
      recorded: [],
      damaged: [added.id],
      began: false,
    });
    expect((await years.list()).map((year) => year.id)).toEqual([seeded.id]);
  });

  it('refuses a year given an entry without a digest after the marker', async () => {
    const { db, manager, years } = await setUp();
    okValue(await years.save(manager, { label: '2026/27', terms: rowStarting(2026).terms }));
    await checkAcademicYearsTrail(db, manager);
    const forged = rowStarting(2027);
    await recordWriter(db).write(manager, {
      events: [
        {
          action: 'academic-year.created',
          recordType: 'academicYears',
          recordId: forged.id,
          detail: '2027/28',
        },
      ],
      writes: [plainStore(db.academicYears).put(forged)],
    });
    expect((await years.list()).map((year) => year.label)).toEqual(['2026/27']);
    expect(await checkAcademicYearsTrail(db, manager)).toMatchObject({ damaged: [forged.id] });
  });

  it('notes a damaged year once, and records nothing for a colleague’s session', async () => {
    const { db, manager, years } = await setUp();
    const old = rowStarting(2025);
    await savedBeforeDigests(db, manager, old);
    const careWorker = await testSession(['careStaff']);
    expect(await checkAcademicYearsTrail(db, careWorker)).toEqual({
      recorded: [],
      damaged: [],
      began: false,
    });
    expect((await years.list()).map((year) => year.id)).toEqual([old.id]);
    await checkAcademicYearsTrail(db, manager);
    await moveAutumnEnd(db, old, '2025-11-28');
    await checkAcademicYearsTrail(db, manager);
    await checkAcademicYearsTrail(db, manager);
    const noted = (await db.audit.toArray()).filter((entry) => entry.action === 'record.damaged');
    expect(noted).toMatchObject([{ recordType: 'academicYears', recordId: old.id }]);
    expect(await db.damagedRecords.toArray()).toMatchObject([{ id: `academicYears:${old.id}` }]);
  });
});
