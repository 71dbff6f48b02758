import { useLiveQuery } from 'dexie-react-hooks';
import { displayName, displayPersonName } from '@shared/display-names';
import { addDays } from '@shared/home-time';
import { can } from '@shared/rules/access';
import type { ContactArrangementView } from '@shared/schemas/contact-plans';
import { useDatabase } from '../../db/useDatabase';
import { contactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { peopleRepository } from '../../db/repositories/people-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import { reviewWindowDays } from './useRestrictionsNeedingAttention';

export type ArrangementToReview = {
  readonly arrangement: ContactArrangementView;
  readonly youngPersonName: string;
  readonly personName: string;
};

/**
 * Contact-plan arrangements due for review in the same window as restrictions, or missed, each
 * with whose plan it is and with whom; for those who keep plans. Kept live; undefined while loading.
 */
export function useContactPlansToReview(today: string): readonly ArrangementToReview[] | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    if (!can(session.roles, 'contact-plan:manage')) return [];
    const due = await contactPlanRepository(db).dueForReview(
      session,
      today,
      addDays(today, reviewWindowDays),
    );
    if (due.length === 0) return [];
    const [youngPeople, people] = await Promise.all([
      youngPeopleRepository(db).list(session),
      peopleRepository(db).listPeople(session),
    ]);
    const youngPersonNames = new Map(
      youngPeople.map((youngPerson) => [youngPerson.id, displayName(youngPerson)]),
    );
    const personNames = new Map(people.map((person) => [person.id, displayPersonName(person)]));
    return due.map((arrangement) => ({
      arrangement,
      youngPersonName: youngPersonNames.get(arrangement.youngPersonId) ?? 'A young person no longer listed',
      personName: personNames.get(arrangement.personId) ?? 'someone no longer listed',
    }));
  }, [db, session, today]);
}
