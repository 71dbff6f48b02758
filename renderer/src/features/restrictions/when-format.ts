import { formatUkDate } from '@shared/format-dates';
import { calendarDateIn } from '../../common/calendar-date';

/** "3 Mar 2026, 14:05" on the home's clock. */
export function formatUkDateTime(isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(isoInstant),
  );
}

/** "3 Mar 2026": the home's calendar date of an instant. */
export function formatUkDateOf(isoInstant: string, timeZone: string): string {
  return formatUkDate(calendarDateIn(timeZone, new Date(isoInstant)));
}
