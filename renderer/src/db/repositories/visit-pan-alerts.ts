import { calendarDateOf, longDate } from '@shared/home-time';
import { visitKindLabels, type Visit } from '@shared/schemas/visits';
import type { PanAlertRequest } from '@shared/schemas/pan';

/**
 * The PAN alerts a booking or a cancellation raises: one per young person on the first visit, with
 * the kind and the date but no names (DESIGN rule 9). A series is named by its first date and how
 * many dates it has.
 */
export function visitAlertRequests(
  event: 'booked' | 'cancelled',
  visits: readonly Visit[],
  timeZone: string,
): PanAlertRequest[] {
  const [first] = visits;
  if (!first) return [];
  const when =
    visits.length > 1
      ? `${longDate(first.startsAt, timeZone)} (${visits.length} dates)`
      : longDate(first.startsAt, timeZone);
  const summary = `${visitKindLabels[first.kind]} on ${when} ${event}`;
  return first.youngPersonIds.map((youngPersonId) => ({
    youngPersonId,
    event: event === 'booked' ? 'visitBooked' : 'visitCancelled',
    reference: `Visit ${calendarDateOf(first.startsAt, timeZone)}`,
    summary: summary.slice(0, 140),
  }));
}
