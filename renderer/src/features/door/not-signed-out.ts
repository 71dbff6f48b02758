import { formatUkDate } from '@shared/format-dates';
import type { VisitorEntry } from '@shared/schemas/registers';
import { addDays, calendarDateOf } from '@shared/home-time';

/** A visitor still on the register from an earlier day: someone forgot to sign them out, or they never left. */
export function notSignedOutText(
  entry: Pick<VisitorEntry, 'arrivedAt'>,
  today: string,
  timeZone: string,
): string | undefined {
  const arrivedOn = calendarDateOf(entry.arrivedAt, timeZone);
  if (arrivedOn >= today) return undefined;
  return arrivedOn === addDays(today, -1)
    ? 'Not signed out yesterday'
    : `Not signed out on ${formatUkDate(arrivedOn)}`;
}
