import { addDays, instantToWallClock, mondayOf, wallClockToInstant } from '@shared/home-time';

/**
 * The calendar component works in the computer's own zone. The home's clock is what staff read
 * (Europe/London by default), and an office computer may be set to anything, so visits are handed
 * to the calendar as "wall-clock dates": Date objects whose local fields show the home's time. They
 * never leave the calendar; everything stored is an instant.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant as a Date whose local fields are the home's wall clock. */
export function toWallClockDate(instant: string, timeZone: string): Date {
  const { date, time } = instantToWallClock(instant, timeZone);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const day = wallClockDay(date);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes);
}

/** The instant a wall-clock Date (from the calendar) stands for in the home's zone. */
export function fromWallClockDate(date: Date, timeZone: string): string {
  const instant = wallClockToInstant(isoDateOf(date), timeOf(date), timeZone);
  if (!instant) throw new Error(`The calendar gave a date that is not one: ${String(date)}`);
  return instant;
}

/** YYYY-MM-DD of a wall-clock Date. */
export function isoDateOf(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** HH:mm of a wall-clock Date. */
export function timeOf(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
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
    default: {
      const unknown: never = view;
      throw new Error(`Unknown view: ${String(unknown)}`);
    }
  }
}

/** Moves the shown date a whole view back or forward. */
export function stepDate(view: CalendarView, isoDate: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(isoDate, direction);
  if (view === 'week') return addDays(isoDate, 7 * direction);
  const day = wallClockDay(isoDate);
  return isoDateOf(new Date(day.getFullYear(), day.getMonth() + direction, 1));
}
