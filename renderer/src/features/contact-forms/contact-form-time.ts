import { instantToWallClock, wallClockToInstant } from '@shared/home-time';
import { readTypedDate, readTypedTime } from '@shared/schemas/typed-date-time';

/** Whole minutes between two instants, at least 1. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/**
 * The instant the home's clock showed `time` on `date` (YYYY-MM-DD, HH:mm), or undefined if it
 * never did: on the spring-forward night 01:30 does not exist, and `wallClockToInstant` reads it
 * as 02:30 (right for a booking, which moves with the clock). A contact form records what the
 * author says happened, so a time the clock skipped is theirs to check, not ours to move.
 */
export function contactInstant(date: string, time: string, timeZone: string): string | undefined {
  const instant = wallClockToInstant(date, time, timeZone);
  if (!instant) return undefined;
  const shown = instantToWallClock(instant, timeZone);
  if (shown.date !== date || shown.time !== time) return undefined;
  // On the night the clocks go back, 01:30 comes round twice. The first is taken, so the form is
  // due no later than the policy allows whichever the author meant (seed 004 §5.2.1: 48 hours).
  const hourEarlier = new Date(Date.parse(instant) - 3_600_000).toISOString();
  const earlier = instantToWallClock(hourEarlier, timeZone);
  return earlier.date === date && earlier.time === time ? hourEarlier : instant;
}

/** The instant a contact started, from the date and time as typed on the form; undefined until both read as real. */
export function instantFromTyped(dateText: string, timeText: string, timeZone: string): string | undefined {
  const date = readTypedDate(dateText);
  const time = readTypedTime(timeText);
  if (date.kind !== 'date' || time.kind !== 'time') return undefined;
  return contactInstant(date.isoDate, time.time, timeZone);
}
