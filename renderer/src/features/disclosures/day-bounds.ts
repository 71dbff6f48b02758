import { TZDate } from '@date-fns/tz';

/**
 * The instant a calendar day (YYYY-MM-DD) starts in the home's zone, as ISO UTC: the log keeps
 * instants, and "1 November" means midnight in the home, not in UTC (an hour apart in summer).
 */
export function startOfDayIn(isoDate: string, timeZone: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, day ?? 1, timeZone).toISOString();
}

/** The instant the day after `isoDate` starts: the exclusive end of a range "to" that date. */
export function endOfDayIn(isoDate: string, timeZone: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1, timeZone).toISOString();
}
