import type { ContactForm } from '@shared/schemas/contact-forms';
import { displayPersonName } from '@shared/display-names';
import type { FilingNames } from '@shared/rules/contact-form-filing';
import { staffRoleLabels } from '@shared/schemas/staff';
import { defaultTimeZone } from '@shared/schemas/home';
import type { FamilyLinksDb } from '../../db/database';
import { homeSettingsRepository } from '../../db/repositories/home-settings-repository';
import { peopleRepository } from '../../db/repositories/people-repository';
import { staffRepository } from '../../db/repositories/staff-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import type { Session } from '../../db/session';

/** Looks up the names a filed copy prints: the home, the young person, who took part, and the author. */
export async function filingNamesFor(
  db: FamilyLinksDb,
  session: Session,
  form: ContactForm,
): Promise<FilingNames | undefined> {
  const [home, youngPerson, family, staff] = await Promise.all([
    homeSettingsRepository(db).get(),
    youngPeopleRepository(db).get(session, form.youngPersonId),
    peopleRepository(db).familyOf(session, form.youngPersonId),
    staffRepository(db).list(session.cipher),
  ]);
  if (!youngPerson) return undefined;
  const people: Record<string, string> = {};
  for (const { person, relationship } of family)
    people[person.id] = `${displayPersonName(person)} (${relationship.relationship})`;
  const staffNames: Record<string, string> = {};
  for (const member of staff) staffNames[member.id] = member.name;
  const role = session.roles[0];
  return {
    homeName: home?.name ?? 'Family Links',
    youngPerson: {
      firstName: youngPerson.firstName,
      lastName: youngPerson.lastName,
      caseNumber: youngPerson.caseNumber,
    },
    people,
    staff: staffNames,
    author: { name: session.staff.name, role: role ? staffRoleLabels[role] : 'Staff' },
    timeZone: home?.timeZone ?? defaultTimeZone,
  };
}
