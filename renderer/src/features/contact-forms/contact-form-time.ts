import { TZDate } from '@date-fns/tz';
import { readTypedDate, readTypedTime } from '@shared/schemas/typed-date-time';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The form asks for the contact's date and start time as the home's wall clock shows them; the
 * record keeps an instant. Converting in the home's zone (Europe/London by default) means a call
 * at 18:00 on a BST evening is stored as 17:00 UTC, and shown back as 18:00.
 */
export function instantFromLocal(date: string, time: string, timeZone: string): string | undefined {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return undefined;
  const local = new TZDate(
    Number(dateMatch[1]),
    Number(dateMatch[2]) - 1,
    Number(dateMatch[3]),
    Number(timeMatch[1]),
    Number(timeMatch[2]),
    0,
    timeZone,
  );
  const ms = local.getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of `instant` in `timeZone`. */
export function localOf(instant: string, timeZone: string): { date: string; time: string } {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** Whole minutes between two instants, at least 1. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/** The instant a contact started, from the date and time as typed on the form; undefined until both read as real. */
export function instantFromTyped(dateText: string, timeText: string, timeZone: string): string | undefined {
  const date = readTypedDate(dateText);
  const time = readTypedTime(timeText);
  if (date.kind !== 'date' || time.kind !== 'time') return undefined;
  return instantFromLocal(date.isoDate, time.time, timeZone);
}
