import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import type { RecordCipher } from '../../../../renderer/src/db/encryption/record-cipher';
import { relationshipCodec } from '../../../../renderer/src/db/repositories/people-repository';
import { youngPersonCodec } from '../../../../renderer/src/db/repositories/young-people-repository';
import type { YoungPerson } from '../../../../shared/schemas/people';
import { buildAcademicYear, buildRelationship, buildYoungPerson } from '../../../factories';

/** A moment with the spring term of 2026/27 under way. */
export const springTermUnderWay = new Date('2027-01-20T12:00:00.000Z');

/** The academic year 2026/27, stored with its real dates (3 September to 21 July). */
export async function storeYear2026(db: FamilyLinksDb) {
  const year = buildAcademicYear({ startYear: 2026 });
  await db.academicYears.add({ ...year, startsOn: '2026-09-03', endsOn: '2027-07-21' });
  return year;
}

/**
 * The termly review's home: the 2026/27 year; Millie (Amelia), one Case Co-ordinator's, with her
 * mum; and Tom, another Co-ordinator's; both with the same Personal Tutor. `youngPerson` adds to
 * both young people's records.
 */
export async function storeReviewHome(
  db: FamilyLinksDb,
  cipher: RecordCipher,
  staff: { coordinatorId: string; otherCoordinatorId: string; tutorId: string },
  youngPerson: Partial<YoungPerson> = {},
) {
  const year = await storeYear2026(db);
  const millie = buildYoungPerson({
    firstName: 'Amelia',
    preferredName: 'Millie',
    caseCoordinatorId: staff.coordinatorId,
    personalTutorId: staff.tutorId,
    ...youngPerson,
  });
  const tom = buildYoungPerson({
    firstName: 'Tom',
    preferredName: '',
    caseCoordinatorId: staff.otherCoordinatorId,
    personalTutorId: staff.tutorId,
    ...youngPerson,
  });
  for (const each of [millie, tom]) await db.youngPeople.add(await youngPersonCodec.encode(each, cipher));
  const mum = buildRelationship({ youngPersonId: millie.id, relationship: 'Mum', category: 'parent' });
  await db.relationships.add(await relationshipCodec.encode(mum, cipher));
  return { year, millie, tom, mum };
}
