import { addDays, mondayOf } from '@shared/home-time';
import { unreachable } from '@shared/unreachable';

/**
 * The dates each view of the visit calendar shows. Dates are YYYY-MM-DD on the home's clock
 * (Europe/London by default), whatever the computer's own zone; the Date objects here only count
 * days and months, their time of day is never read.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A place on the calendar chosen to book a visit: a date and wall-clock times on the home's clock. */
export type ChosenSlot = { readonly date: string; readonly startTime: string; readonly endTime: string };

/** YYYY-MM-DD of a wall-clock Date. */
export function isoDateOf(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A wall-clock Date for YYYY-MM-DD at midnight. */
export function wallClockDay(isoDate: string): Date {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export type CalendarView = 'day' | 'week' | 'month';

/**
 * The dates [from, to) a view shows around `isoDate`: a day; Monday to Sunday; or the month's
 * weeks from the Monday on or before the 1st to the Sunday on or after its last day.
 */
export function rangeOf(view: CalendarView, isoDate: string): { from: string; to: string } {
  switch (view) {
    case 'day':
      return { from: isoDate, to: addDays(isoDate, 1) };
    case 'week': {
      const monday = mondayOf(isoDate);
      return { from: monday, to: addDays(monday, 7) };
    }
    case 'month': {
      const day = wallClockDay(isoDate);
      const first = isoDateOf(new Date(day.getFullYear(), day.getMonth(), 1));
      const last = isoDateOf(new Date(day.getFullYear(), day.getMonth() + 1, 0));
      return { from: mondayOf(first), to: addDays(mondayOf(last), 7) };
    }
    default:
      return unreachable(view, 'view');
  }
}

/** Every date in [from, to), in order: the columns of a week, the cells of a month. */
export function datesIn(range: { from: string; to: string }): string[] {
  const dates: string[] = [];
  for (let date = range.from; date < range.to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Moves the shown date a whole view back or forward. */
export function stepDate(view: CalendarView, isoDate: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(isoDate, direction);
  if (view === 'week') return addDays(isoDate, 7 * direction);
  const day = wallClockDay(isoDate);
  return isoDateOf(new Date(day.getFullYear(), day.getMonth() + direction, 1));
}
