import { wallClockToInstant } from '@shared/home-time';
import { readTypedDate, readTypedTime } from '@shared/schemas/typed-date-time';

/** Whole minutes between two instants, at least 1. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/** The instant a contact started, from the date and time as typed on the form; undefined until both read as real. */
export function instantFromTyped(dateText: string, timeText: string, timeZone: string): string | undefined {
  const date = readTypedDate(dateText);
  const time = readTypedTime(timeText);
  if (date.kind !== 'date' || time.kind !== 'time') return undefined;
  return wallClockToInstant(date.isoDate, time.time, timeZone);
}
