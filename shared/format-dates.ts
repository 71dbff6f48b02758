/**
 * UK date formatting for calendar dates (YYYY-MM-DD). Formatting is done in UTC on purpose: a
 * calendar date has no time of day, so no zone may shift it to the day before.
 */
const ukDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const ukDayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function toUtcDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** "3 Sept 2026" */
export function formatUkDate(isoDate: string): string {
  return ukDate.format(toUtcDate(isoDate));
}

/** "26 Oct" */
export function formatUkDayMonth(isoDate: string): string {
  return ukDayMonth.format(toUtcDate(isoDate));
}
