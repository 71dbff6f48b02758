import { useLiveQuery } from 'dexie-react-hooks';
import { academicYearSpan } from '@shared/rules/academic-calendar';
import {
  contactMinimums,
  contactsFrom,
  familyCircle,
  type ContactMinimums,
} from '@shared/rules/contact-minimums';
import { useDatabase } from '../../db/useDatabase';
import { academicYearRepository } from '../../db/repositories/academic-year-repository';
import { contactFormRepository } from '../../db/repositories/contact-form-repository';
import { peopleRepository } from '../../db/repositories/people-repository';
import { visitRepository } from '../../db/repositories/visit-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import { addDays, startOfDayIn } from '@shared/home-time';

export type PlanningHelp =
  | { readonly kind: 'loading' }
  | { readonly kind: 'noYear'; readonly today: string }
  | { readonly kind: 'ready'; readonly minimums: ContactMinimums };

/**
 * What the policy still asks for one young person this academic year (the pure rule in
 * shared/rules/contact-minimums.ts), from their visits, contact forms and family, kept live so a
 * booking made now shows at once as "booked".
 */
export function usePlanningHelp(
  youngPersonId: string | undefined,
  today: string,
  timeZone: string,
): PlanningHelp | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async (): Promise<PlanningHelp | undefined> => {
    if (!youngPersonId) return undefined;
    const [years, youngPerson] = await Promise.all([
      academicYearRepository(db).list(session),
      youngPeopleRepository(db).get(session, youngPersonId),
    ]);
    if (!youngPerson) return undefined;
    const year = years.find((candidate) => {
      const span = academicYearSpan(candidate);
      return span !== undefined && span.startsOn <= today && today <= span.endsOn;
    });
    if (!year) return { kind: 'noYear', today };
    const span = academicYearSpan(year);
    if (!span) return { kind: 'noYear', today };
    // A week either side: a parent update in a term's first or last week may fall outside the term.
    const from = startOfDayIn(addDays(span.startsOn, -7), timeZone);
    const to = startOfDayIn(addDays(span.endsOn, 8), timeZone);
    const [visits, forms, family] = await Promise.all([
      visitRepository(db).listForYoungPerson(session, youngPersonId, from, to),
      contactFormRepository(db).listForYoungPerson(session, youngPersonId, from, to),
      peopleRepository(db).familyOf(session, youngPersonId),
    ]);
    const { parentIds, familyIds } = familyCircle(family.map((entry) => entry.relationship));
    const minimums = contactMinimums({
      youngPerson,
      year,
      contacts: contactsFrom(visits, forms),
      parentIds,
      familyIds,
      now: new Date(),
      timeZone,
    });
    return { kind: 'ready', minimums };
  }, [db, session, youngPersonId, today, timeZone]);
}
