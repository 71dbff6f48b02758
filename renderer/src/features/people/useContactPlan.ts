import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { termAt } from '@shared/rules/academic-calendar';
import type { YoungPerson } from '@shared/schemas/people';
import type { ContactArrangementView } from '@shared/schemas/contact-plans';
import { useDatabase } from '../../db/useDatabase';
import { contactPlanRepository } from '../../db/repositories/contact-plan-repository';
import { contactPlanFigures } from '../../db/repositories/contact-plan-figures';
import { useSession } from '../../security/session-context';
import { useAcademicYears } from '../../common/useAcademicYears';

/** One young person's contact plan as this person may read it, kept live; undefined while loading. */
export function useContactPlan(youngPersonId: string) {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => contactPlanRepository(db), [db]);
  const plan = useLiveQuery(
    () => repository.listForYoungPerson(session, youngPersonId),
    [repository, session, youngPersonId],
  );
  return { plan, repository };
}

/**
 * Contact against the plan in the term `today` falls in (or the term just ended, in a holiday),
 * for those who lead contact; undefined while loading or for others.
 */
export function useContactAgainstPlan(
  youngPerson: Pick<YoungPerson, 'id' | 'placementStartsOn' | 'placementEndsOn'>,
  arrangements: readonly ContactArrangementView[] | undefined,
  today: string,
  timeZone: string,
) {
  const db = useDatabase();
  const session = useSession();
  const { years } = useAcademicYears();
  return useLiveQuery(async () => {
    if (!years || !arrangements) return undefined;
    const at = termAt(today, years);
    const term = at.kind === 'inTerm' ? at.term : at.kind === 'holiday' ? at.after : undefined;
    if (!term) return undefined;
    const figures = await contactPlanFigures(db).forTerm(
      session,
      youngPerson,
      term,
      arrangements,
      new Date(),
      timeZone,
    );
    return figures ? { term, figures } : undefined;
  }, [db, session, years, arrangements, today, timeZone, youngPerson]);
}
