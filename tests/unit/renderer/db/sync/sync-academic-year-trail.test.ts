import { describe, expect, it } from 'vitest';
import type { AcademicYearForm } from '../../../../../shared/schemas/academic-year';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { buildAcademicYear } from '../../../../factories';
import { okValue } from '../../ok-value';
import { exchange, keepOtherComputersVersion, twoComputers, type Computer } from '../sync-computers';

/**
 * Term dates held against the audit log on a home of two computers: a year and its entry arrive
 * together, and a year changed on both at once is settled under the same record type its saves
 * use, with the digest of the version kept, so both computers hold the row to it.
 */

const calendarAt = (at: Computer) => academicYearRepository(at.db).checked();

function autumnEndingOn(endsOn: string): AcademicYearForm {
  const { label, terms } = buildAcademicYear({ startYear: 2026 });
  return { label, terms: [{ ...terms[0], endsOn }, terms[1], terms[2]] };
}

describe('term dates from another computer, held against the audit log', () => {
  it('trusts a year saved on the other computer once it and its entry have arrived', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    const saved = okValue(
      await academicYearRepository(frontDesk.db).save(frontDesk.session, autumnEndingOn('2026-12-18')),
    );
    await exchange(frontDesk, office, keys);
    expect(await calendarAt(office)).toEqual({ years: [saved], damaged: [] });
  });

  it('settles a year changed on both at once under the saves’ record type, held to the version kept', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    const saved = okValue(
      await academicYearRepository(frontDesk.db).save(frontDesk.session, autumnEndingOn('2026-12-18')),
    );
    await exchange(frontDesk, office, keys);
    okValue(
      await academicYearRepository(frontDesk.db).save(
        frontDesk.session,
        autumnEndingOn('2026-12-17'),
        saved.id,
      ),
    );
    okValue(
      await academicYearRepository(office.db).save(office.session, autumnEndingOn('2026-12-16'), saved.id),
    );
    await exchange(frontDesk, office, keys);

    await keepOtherComputersVersion(office);
    await exchange(frontDesk, office, keys);

    const chosen = await office.db.audit.where('action').equals('sync.version-chosen').toArray();
    expect(chosen).toMatchObject([
      {
        recordType: 'academicYears',
        recordId: saved.id,
        detail: expect.stringMatching(/; sha256:[0-9a-f]{64}$/) as unknown,
      },
    ]);
    const kept = autumnEndingOn('2026-12-17');
    for (const at of [frontDesk, office]) {
      const calendar = await calendarAt(at);
      expect(calendar.damaged).toEqual([]);
      expect(calendar.years.map((year) => year.terms[0].endsOn)).toEqual([kept.terms[0].endsOn]);
    }
    // Held to the kept version from then on: the other one put back is refused.
    const row = await frontDesk.db.academicYears.get(saved.id);
    if (!row) throw new Error('no row');
    await frontDesk.db.academicYears.put({
      ...row,
      terms: [{ ...row.terms[0], endsOn: '2026-12-16' }, row.terms[1], row.terms[2]],
    });
    expect((await calendarAt(frontDesk)).damaged.map((year) => year.id)).toEqual([saved.id]);
  });
});
