import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { myYoungPeopleRepository } from '../../../../../renderer/src/db/repositories/my-young-people-repository';
import { youngPeopleRepository } from '../../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildAcademicYear } from '../../../../factories';
import { panAlertHome } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

// Wednesday 18 November 2026, in the autumn term of 2026/27 (not half term).
const now = new Date('2026-11-18T12:00:00.000Z');
const today = '2026-11-18';
const timeZone = 'Europe/London';

/**
 * Millie's PT is Tom; Jack's PT is someone else and his CC is Cara; Ruby left in the summer with
 * Tom as her PT. The home's calendar has 2026/27.
 */
async function home() {
  const made = await panAlertHome();
  db = made.db;
  const { manager, tutor, coordinator } = made;
  const { id: _id, ...year } = buildAcademicYear({ startYear: 2026 });
  okValue(await academicYearRepository(db).save(manager, year));
  const people = youngPeopleRepository(db);
  const base = { dateOfBirth: '2011-05-02', placementStartsOn: '2025-09-01' };
  const jack = okValue(
    await people.save(manager, {
      ...base,
      caseNumber: 'FL-0002',
      firstName: 'Jack',
      lastName: 'Reed',
      personalTutorId: 'someone-else',
      caseCoordinatorId: coordinator.staff.id,
    }),
  );
  okValue(
    await people.save(manager, {
      ...base,
      caseNumber: 'FL-0003',
      firstName: 'Ruby',
      lastName: 'Shaw',
      personalTutorId: tutor.staff.id,
      placementEndsOn: '2026-07-20',
    }),
  );
  return { ...made, db, jack };
}

const read = (session: Session) =>
  myYoungPeopleRepository(db as FamilyLinksDb).read(session, now, today, timeZone);

describe('My young people: whose, and what they owe', () => {
  it('a Personal Tutor sees only the young people placed today who name them, with the week’s update owed', async () => {
    const { tutor, youngPerson } = await home();
    const result = await read(tutor);
    if (result.kind !== 'ready') throw new Error(result.kind);
    expect(result.yearLabel).toBe('2026/27');
    expect(result.youngPeople.map((entry) => entry.youngPerson.firstName)).toEqual(['Amelia']);
    const [millie] = result.youngPeople;
    expect(millie?.youngPerson.id).toBe(youngPerson.id);
    expect(millie?.holdings).toEqual(['personalTutor']);
    expect(millie?.lines.find((line) => line.key === 'parent-update-2026-11-16')?.state).toBe('owed');
    expect(millie?.nextBooked).toBeUndefined();
    expect(millie?.plan).toEqual([]);
  });

  it('a Case Co-ordinator sees theirs, with the termly home visit and not the PT’s weekly update', async () => {
    const { coordinator, jack } = await home();
    const result = await read(coordinator);
    if (result.kind !== 'ready') throw new Error(result.kind);
    expect(result.youngPeople.map((entry) => entry.youngPerson.id)).toEqual([jack.id]);
    expect(result.youngPeople[0]?.lines.map((line) => line.key)).toEqual(['home-visit-autumn']);
  });

  it('care staff hold no young people', async () => {
    const { careWorker } = await home();
    expect(await read(careWorker)).toEqual({ kind: 'notHeld' });
  });

  it('a form the tutor has not filed yet shows as due for that young person, and a call with no parent is not the update', async () => {
    const { tutor, youngPerson } = await home();
    const form = okValue(
      await contactFormRepository(db as FamilyLinksDb, () => now).start(tutor, youngPerson.id, {
        kind: 'phoneCall',
        contactStartedAt: '2026-11-17T16:00:00.000Z',
        durationMinutes: 15,
        initiatedBy: 'staff',
        whatHappened: 'Rang the school about the trip.',
        isSafeguardingConcern: false,
        actions: [],
      }),
    );
    const result = await read(tutor);
    if (result.kind !== 'ready') throw new Error(result.kind);
    expect(result.youngPeople[0]?.formsOwed.map((owed) => owed.id)).toEqual([form.id]);
    expect(result.youngPeople[0]?.lines.find((line) => line.key.startsWith('parent-update-'))?.state).toBe(
      'owed',
    );
  });

  it('with no academic year covering today, says so rather than guessing', async () => {
    const { tutor } = await home();
    const later = await myYoungPeopleRepository(db as FamilyLinksDb).read(
      tutor,
      new Date('2027-08-10T12:00:00.000Z'),
      '2027-08-10',
      timeZone,
    );
    expect(later).toEqual({ kind: 'noYear', today: '2027-08-10' });
  });
});
