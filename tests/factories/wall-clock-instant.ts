import { wallClockToInstant } from '../../shared/home-time';

export const london = 'Europe/London';

/** The instant a date and time on the wall clock in `timeZone` stand for; a test's typo throws. */
export function at(date: string, time: string, timeZone = london): string {
  const instant = wallClockToInstant(date, time, timeZone);
  if (!instant) throw new Error(`Not a time: ${date} ${time}`);
  return instant;
}
