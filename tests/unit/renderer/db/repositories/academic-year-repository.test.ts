import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcademicYearForm } from '../../../../../shared/schemas/academic-year';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { homeSettingsRepository } from '../../../../../renderer/src/db/repositories/home-settings-repository';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildAcademicYear } from '../../../../factories';

/** The year's form as the settings screen sends it: the factory's dates, without an id. */
function yearStarting(startYear: number): AcademicYearForm {
  const { label, terms } = buildAcademicYear({ startYear });
  return { label, terms };
}

let db: FamilyLinksDb;
let manager: Session;
beforeEach(async () => {
  manager = await testSession(['registeredManager']);
});
afterEach(() => db?.close());

describe('the academic calendar’s store', () => {
  it('keeps years in date order, whatever order they were entered in', async () => {
    db = freshDatabase();
    const years = academicYearRepository(db);
    expect((await years.save(manager, yearStarting(2027))).ok).toBe(true);
    expect((await years.save(manager, yearStarting(2026))).ok).toBe(true);
    expect((await years.list()).map((year) => year.label)).toEqual(['2026/27', '2027/28']);
  });

  it('refuses a year that overlaps a saved one, says which, and saves nothing', async () => {
    db = freshDatabase();
    const years = academicYearRepository(db);
    await years.save(manager, yearStarting(2026));
    const clash = yearStarting(2027);
    clash.terms[0].startsOn = '2027-07-01';
    clash.terms[0].halfTermStartsOn = '2027-07-10';
    const result = await years.save(manager, clash);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('overlap');
      expect(result.error.fields?.['terms.0.startsOn']).toContain('2026/27');
    }
    expect(await years.list()).toHaveLength(1);
  });

  it('refuses a second year with the same label', async () => {
    db = freshDatabase();
    const years = academicYearRepository(db);
    await years.save(manager, yearStarting(2026));
    const result = await years.save(manager, yearStarting(2026));
    expect(result.ok ? undefined : result.error.code).toBe('duplicate-label');
  });

  it('refuses bad dates with per-field messages and writes nothing', async () => {
    db = freshDatabase();
    const years = academicYearRepository(db);
    const bad = yearStarting(2026);
    bad.terms[1].endsOn = '2026-12-01';
    const result = await years.save(manager, bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain('terms.1.endsOn');
    expect(await db.academicYears.count()).toBe(0);
  });

  it('edits a year in place, and may move its dates without clashing with itself', async () => {
    db = freshDatabase();
    const years = academicYearRepository(db);
    const saved = await years.save(manager, yearStarting(2026));
    if (!saved.ok) throw new Error('setup failed');
    const moved = yearStarting(2026);
    moved.terms[0].startsOn = '2026-09-02';
    const result = await years.save(manager, moved, saved.value.id);
    expect(result.ok).toBe(true);
    const [only] = await years.list();
    expect(only?.terms[0].startsOn).toBe('2026-09-02');
    expect(await db.academicYears.count()).toBe(1);
  });

  it('refuses to edit a year that has gone', async () => {
    db = freshDatabase();
    const result = await academicYearRepository(db).save(manager, yearStarting(2026), crypto.randomUUID());
    expect(result.ok ? undefined : result.error.code).toBe('not-found');
  });
});

describe('the home’s details store', () => {
  it('saves good details and reads them back; refuses bad ones and keeps the old', async () => {
    db = freshDatabase();
    const home = homeSettingsRepository(db);
    expect(await home.get()).toBeUndefined();
    expect((await home.save(manager, { name: 'Oakfield House', ofstedUrn: 'SC123456' })).ok).toBe(true);
    const refused = await home.save(manager, { name: '', ofstedUrn: 'SC123456' });
    expect(refused.ok ? undefined : refused.error.fields?.['name']).toBe('Enter the home’s name.');
    expect((await home.get())?.name).toBe('Oakfield House');
  });
});
