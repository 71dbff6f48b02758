import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  homeOverview,
  overviewWeekDays,
  type HomeOverview,
  type SetUpFacts,
} from '@shared/rules/home-overview';
import { addDays, startOfDayIn } from '@shared/home-time';
import { contactFormListRepository } from '../../db/repositories/contact-form-list-repository';
import { declarationRepository } from '../../db/repositories/declaration-repository';
import { outboxRepository } from '../../db/repositories/outbox-repository';
import { restrictionRepository } from '../../db/repositories/restriction-repository';
import { syncConflictRepository } from '../../db/repositories/sync-conflict-repository';
import { syncProblemRepository } from '../../db/repositories/sync-problem-repository';
import { useDatabase } from '../../db/useDatabase';
import { useHomeClock } from '../../common/useHomeClock';
import { useVisitorLog } from '../../common/useVisitorLog';
import { useSession } from '../../security/session-context';

const tickMs = 60_000;

/**
 * The manager's home at a glance: every count and set-up gap, kept live (a form filed or a
 * visitor turned away elsewhere changes it at once) and worked out again each minute, so a form
 * falls overdue on screen when its time passes. Undefined while loading.
 */
export function useHomeOverview(setUp: SetUpFacts | undefined): HomeOverview | undefined {
  const db = useDatabase();
  const session = useSession();
  const visitorLog = useVisitorLog();
  const clock = useHomeClock();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), tickMs);
    return () => window.clearInterval(timer);
  }, []);
  const facts = useLiveQuery(async () => {
    const [unfiledForms, registerThisWeek, onSite, restrictions, declarations, outbox, conflicts, problems] =
      await Promise.all([
        contactFormListRepository(db).unfiledDeadlines(session),
        visitorLog.registerBetween(
          startOfDayIn(addDays(clock.today, -(overviewWeekDays - 1)), clock.timeZone),
          startOfDayIn(addDays(clock.today, 1), clock.timeZone),
        ),
        visitorLog.onSite(),
        restrictionRepository(db).listAll(session),
        declarationRepository(db).needingAttention(session, clock.today),
        outboxRepository(db).unsent(session),
        syncConflictRepository(db).countOpen(session),
        syncProblemRepository(db).countOpen(session),
      ]);
    return {
      unfiledForms,
      registerThisWeek,
      onSite,
      // Approval is the manager's to give: only the full view says whether it was given.
      restrictions: restrictions.flatMap((restriction) => (restriction.view === 'full' ? [restriction] : [])),
      declarationsNeedingAttention: declarations.length,
      changedOnTwoComputers: conflicts,
      syncProblems: problems,
      outbox,
    };
  }, [db, session, visitorLog, clock.today, clock.timeZone]);
  return facts && setUp ? homeOverview({ ...facts, ...setUp }, now, clock.timeZone) : undefined;
}
