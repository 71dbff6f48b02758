import { useLiveQuery } from 'dexie-react-hooks';
import { termAt } from '@shared/rules/academic-calendar';
import type { YoungPerson } from '@shared/schemas/people';
import type { ContactArrangementView } from '@shared/schemas/contact-plans';
import { useDatabase } from '../../db/useDatabase';
import { contactPlanFigures } from '../../db/repositories/contact-plan-figures';
import { useSession } from '../../security/session-context';
import { useAcademicYears } from '../../common/useAcademicYears';

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
