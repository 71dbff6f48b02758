import { describe, expect, it } from 'vitest';
import type { AcademicYearForm } from '../../../../../shared/schemas/academic-year';
import type { AcademicYearRow, FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { trustedYear } from '../../../../../renderer/src/db/repositories/academic-year-trail';
import { academicYearDigest } from '../../../../../shared/rules/academic-year-trail';
import { detailWithDigest } from '../../../../../shared/rules/setting-trail';
import { checkAcademicYearsTrail } from '../../../../../renderer/src/db/repositories/academic-year-trail-check';
import { buildAcademicYear } from '../../../../factories';
import { okValue } from '../../ok-value';
import { databasesClosedAfterEach } from '../test-database';
import { managerOnFreshDatabase, plantLaterEntry } from './audit-trail-test-support';

const opened = databasesClosedAfterEach();

async function setUp() {
  const { db, time, manager } = await managerOnFreshDatabase(opened);
  const years = academicYearRepository(db, undefined, time.clock);
  return { db, time, manager, years };
}

function yearStarting(startYear: number): AcademicYearForm {
  const { label, terms } = buildAcademicYear({ startYear });
  return { label, terms };
}

/** What someone with DevTools open does: writes the row in IndexedDB, past the app. */
const putRow = (db: FamilyLinksDb, row: AcademicYearRow) => db.academicYears.put(row);

/** The autumn term moved to end in October: a visit in November no longer falls in a term. */
const autumnCutShort = (row: AcademicYearRow): AcademicYearRow => {
  const [autumn, spring, summer] = row.terms;
  return { ...row, terms: [{ ...autumn, endsOn: '2026-10-30' }, spring, summer] };
};

const labels = (calendar: { readonly years: readonly { label: string }[] }) =>
  calendar.years.map((year) => year.label);

describe('term dates held against the audit log', () => {
  it('reads back what the manager saved, each entry naming the year and ending with a digest', async () => {
    const { db, manager, years } = await setUp();
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    expect(await years.checked()).toEqual({ years: [saved], damaged: [] });
    expect(await db.audit.toArray()).toMatchObject([
      {
        action: 'academic-year.created',
        recordType: 'academicYears',
        recordId: saved.id,
        detail: expect.stringMatching(/^2026\/27; sha256:[0-9a-f]{64}$/) as unknown,
      },
    ]);
  });

  it('leaves out a year whose term dates were edited in the database, and names it for the manager', async () => {
    const { db, manager, years } = await setUp();
    const kept = okValue(await years.save(manager, yearStarting(2025)));
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    const row = await db.academicYears.get(saved.id);
    if (!row) throw new Error('no row');
    await putRow(db, autumnCutShort(row));
    const calendar = await years.checked();
    expect(labels(calendar)).toEqual(['2025/26']);
    expect(calendar.damaged).toEqual([
      { id: saved.id, label: '2026/27', stored: expect.objectContaining({ id: saved.id }) as unknown },
    ]);
    expect((await years.list()).map((year) => year.id)).toEqual([kept.id]);
    expect(await trustedYear(db, saved.id)).toBeUndefined();
    expect(await trustedYear(db, kept.id)).toEqual(kept);
  });

  it('names an edited year by the label the log gave it, not the label written over it', async () => {
    const { db, manager, years } = await setUp();
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    const row = await db.academicYears.get(saved.id);
    if (!row) throw new Error('no row');
    await putRow(db, { ...row, label: '2030/31' });
    expect((await years.checked()).damaged.map((year) => year.label)).toEqual(['2026/27']);
  });

  it('refuses an older copy of a year put back', async () => {
    const { db, time, manager, years } = await setUp();
    const first = okValue(await years.save(manager, yearStarting(2026)));
    const older = await db.academicYears.get(first.id);
    if (!older) throw new Error('no row');
    time.later(60_000);
    const changed = yearStarting(2026);
    changed.terms[0].endsOn = '2026-12-16';
    okValue(await years.save(manager, changed, first.id));
    expect(labels(await years.checked())).toEqual(['2026/27']);
    await putRow(db, older);
    const calendar = await years.checked();
    expect(calendar.years).toEqual([]);
    expect(calendar.damaged.map((year) => year.id)).toEqual([first.id]);
  });

  it('refuses a year added in the database with no entry, once digests have begun', async () => {
    const { db, manager, years } = await setUp();
    okValue(await years.save(manager, yearStarting(2026)));
    await checkAcademicYearsTrail(db, manager);
    const added = buildAcademicYear({ startYear: 2027 });
    await putRow(db, { ...added, startsOn: added.terms[0].startsOn, endsOn: added.terms[2].endsOn });
    const calendar = await years.checked();
    expect(labels(calendar)).toEqual(['2026/27']);
    expect(calendar.damaged).toMatchObject([{ id: added.id, label: '2027/28' }]);
  });

  it('says a year deleted in the database is gone, and lets the manager enter it again under its id', async () => {
    const { db, manager, years } = await setUp();
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    await db.academicYears.delete(saved.id);
    expect(await years.checked()).toEqual({
      years: [],
      damaged: [{ id: saved.id, label: '2026/27', stored: undefined }],
    });
    okValue(await years.save(manager, yearStarting(2026), saved.id));
    expect(await years.checked()).toEqual({ years: [saved], damaged: [] });
    expect((await years.save(manager, yearStarting(2030), 'never-saved')).ok).toBe(false);
  });

  it('is repaired by saving the year again, which clears its note among the damaged records', async () => {
    const { db, manager, years } = await setUp();
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    const row = await db.academicYears.get(saved.id);
    if (!row) throw new Error('no row');
    await putRow(db, autumnCutShort(row));
    await db.damagedRecords.put({
      id: `academicYears:${saved.id}`,
      table: 'academicYears',
      rowId: saved.id,
      reason: 'not-as-logged',
      foundAt: '2026-12-06T10:00:00.000Z',
    });
    okValue(await years.save(manager, yearStarting(2026), saved.id));
    expect(await years.checked()).toEqual({ years: [saved], damaged: [] });
    expect(await db.damagedRecords.count()).toBe(0);
  });
  it('is not vouched for by an entry edited or planted in the log to match the moved dates', async () => {
    const { db, manager, years } = await setUp();
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    const row = await db.academicYears.get(saved.id);
    const [entry] = await db.audit.toArray();
    if (!row || !entry) throw new Error('no row');
    // The autumn term ended in November: a December visit no longer falls in a term.
    const [autumn, spring, summer] = row.terms;
    const moved: AcademicYearRow = { ...row, terms: [{ ...autumn, endsOn: '2026-11-20' }, spring, summer] };
    await putRow(db, moved);
    const vouching = detailWithDigest('2026/27', await academicYearDigest(moved));

    // The save's own entry edited to name the moved dates: its MAC no longer verifies.
    await db.audit.put({ ...entry, detail: vouching });
    expect((await years.checked(manager)).damaged.map((year) => year.id)).toEqual([saved.id]);
    expect(await years.list(manager)).toEqual([]);
    expect(await trustedYear(db, saved.id, manager.auditKey)).toBeUndefined();
    // Read with no audit key (before sign-in) the edit is not seen: which is why signed-in reads pass one.
    expect(labels(await years.checked())).toEqual(['2026/27']);

    // Put right, and a later entry planted instead.
    await db.audit.put(entry);
    await plantLaterEntry(db, entry, {
      at: '2026-12-06T11:00:00.000Z',
      action: 'academic-year.updated',
      detail: vouching,
    });
    expect((await years.checked(manager)).damaged.map((year) => year.id)).toEqual([saved.id]);

    // The manager's check finds it too, and notes it among the damaged records.
    expect((await checkAcademicYearsTrail(db, manager)).damaged).toEqual([saved.id]);
  });

  it('does not take a planted marker as when digests began', async () => {
    const { db, manager, years } = await setUp();
    // A year from before digests (its entry names no digest), then a marker planted early.
    const saved = okValue(await years.save(manager, yearStarting(2026)));
    const [entry] = await db.audit.toArray();
    if (!entry) throw new Error('no entry');
    await db.audit.put({ ...entry, detail: '2026/27' });
    await db.audit.add({
      ...entry,
      seq: entry.seq + 1,
      at: '2026-01-01T00:00:00.000Z',
      action: 'academic-year.digests-began',
      recordId: 'calendar',
      detail: undefined,
    });
    const calendar = await years.checked(manager);
    // The save's edited entry is itself forged, so the year cannot be trusted either way; what
    // matters is that the planted marker is not the one the manager's check builds on.
    expect(calendar.damaged.map((year) => year.id)).toEqual([saved.id]);
    const outcome = await checkAcademicYearsTrail(db, manager);
    expect(outcome.began).toBe(true);
  });
});
