import { useLiveQuery } from 'dexie-react-hooks';
import { displayName } from '@shared/display-names';
import { useDatabase } from '../../db/useDatabase';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { youngPeopleRepository } from '../../db/repositories/young-people-repository';
import { useSession } from '../../security/session-context';
import { addDays } from '@shared/home-time';

/** How far ahead a review counts as due (the manager's fortnightly look at the register). */
export const reviewWindowDays = 14;

/**
 * Restrictions due for review within the window (or overdue for it), those that lapsed without
 * being ended, and those waiting for the manager's approval, each with the young person's name; kept live, undefined while loading.
 */
export function useRestrictionsNeedingAttention(today: string) {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(async () => {
    const [attention, youngPeople] = await Promise.all([
      restrictionRepository(db).needingAttention(session, today, addDays(today, reviewWindowDays)),
      youngPeopleRepository(db).list(session),
    ]);
    const names = new Map(youngPeople.map((youngPerson) => [youngPerson.id, displayName(youngPerson)]));
    const named = <Item extends { youngPersonId: string }>(items: readonly Item[]) =>
      items.map((item) => ({
        restriction: item,
        youngPersonName: names.get(item.youngPersonId) ?? 'A young person no longer listed',
      }));
    const byReview = [...attention.dueForReview].sort((a, b) =>
      (a.reviewOn ?? '').localeCompare(b.reviewOn ?? ''),
    );
    const byLapse = [...attention.lapsed].sort((a, b) =>
      (a.effectiveTo ?? '').localeCompare(b.effectiveTo ?? ''),
    );
    return {
      dueForReview: named(byReview),
      lapsed: named(byLapse),
      awaitingApproval: named(attention.awaitingApproval),
    };
  }, [db, session, today]);
}
