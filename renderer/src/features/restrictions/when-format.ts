import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf } from '@shared/home-time';

/** "3 Mar 2026": the home's calendar date of an instant. */
export function formatUkDateOf(isoInstant: string, timeZone: string): string {
  return formatUkDate(calendarDateOf(isoInstant, timeZone));
}
