import { TZDate } from '@date-fns/tz';

/**
 * Calendar dates (YYYY-MM-DD) as the home's clock sees them. "Today" is the date on the wall in
 * the home's zone, not in UTC: just after midnight in British Summer Time it is already tomorrow.
 */
export function calendarDateIn(timeZone: string, instant: Date): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

/** The calendar date `days` after `isoDate` (UTC arithmetic on a date has no clock changes). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}
