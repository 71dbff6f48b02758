import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Visit } from '@shared/schemas/visits';
import { visitRepository } from '../../db/repositories/visit-repository';
import type { VisitFilter } from '../../db/repositories/visit-reads';
import type { KnownPeople } from '../../db/repositories/visit-booking-checks';
import { useDatabase } from '../../db/useDatabase';
import { useSession } from '../../security/session-context';
import { afterVisitCompleted } from './visit-follow-ups';

/**
 * Booking and changing visits as the signed-in person, in the home's zone: the checks a booking
 * gets as it is filled in, booking, moving, marking, the visits of a period (for the .ics export),
 * and what follows a visit marked completed (its contact form made due).
 */
export function useVisitActions(timeZone: string) {
  const db = useDatabase();
  const session = useSession();
  return useMemo(() => {
    const repository = visitRepository(db);
    return {
      check: (input: unknown, known: KnownPeople | undefined, changingVisitId?: string) =>
        repository.checkBooking(session, input, { timeZone, known }, changingVisitId),
      book: (input: unknown, known: KnownPeople | undefined) =>
        repository.book(session, input, { timeZone, known }),
      change: (id: string, input: unknown, known: KnownPeople | undefined) =>
        repository.change(session, id, input, { timeZone, known }),
      setStatus: (id: string, change: unknown) => repository.setStatus(session, id, change, { timeZone }),
      listBetween: (fromIso: string, toIso: string, filter: VisitFilter) =>
        repository.listBetween(session, fromIso, toIso, filter),
      afterCompleted: (visits: readonly Visit[]) => afterVisitCompleted(db, session, visits),
    };
  }, [db, session, timeZone]);
}
export type VisitActions = ReturnType<typeof useVisitActions>;

/** One visit as this person may see it, kept live; null when there is none (or no id), undefined while loading. */
export function useVisit(id: string | undefined): Visit | null | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(
    async () => (id ? ((await visitRepository(db).get(session, id)) ?? null) : null),
    [db, session, id],
  );
}
