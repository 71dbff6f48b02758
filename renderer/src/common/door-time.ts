import { TZDate } from '@date-fns/tz';

/**
 * Dates and times as the home's clock shows them. The register stores instants (UTC); the door
 * talks in the home's wall-clock time, and "today" is the date on the wall in the home's zone
 * (Europe/London by default): just after midnight in summer time it is already tomorrow.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function calendarDateOf(instant: Date | string, timeZone: string): string {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** The instant (ISO, UTC) at which `isoDate` begins in `timeZone`. */
export function startOfDayInstant(isoDate: string, timeZone: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, timeZone).getTime()).toISOString();
}

/** The calendar date `days` after `isoDate` (UTC arithmetic: a date has no clock changes). */
export function shiftDate(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** "14:05" */
export function clockTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

/** "23 Nov 2026, 14:05" */
export function dayAndTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}
