import { contactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { useLiveRead } from '../../common/useLiveRead';

/** One young person's contact plan as this person may read it, kept live; undefined while loading. */
export function useContactPlan(youngPersonId: string) {
  const { repository, value: plan } = useLiveRead(
    contactPlanRepository,
    (repository, session) => repository.listForYoungPerson(session, youngPersonId),
    [youngPersonId],
  );
  return { plan, repository };
}
