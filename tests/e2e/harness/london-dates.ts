// Oakfield House and the fixture homes keep London time. Dates are kept as YYYY-MM-DD; the app's
// date fields take them as staff type them, day/month/year (`ukDate`).

/** YYYY-MM-DD as typed on a UK keyboard: 26/10/2026. */
export function ukDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const londonCalendarDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The London date `daysAgo` days before now (negative: ahead), YYYY-MM-DD. */
export function londonDate(daysAgo: number): string {
  return londonCalendarDate.format(new Date(Date.now() - daysAgo * 86_400_000));
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London date (YYYY-MM-DD) and wall-clock time (HH:mm) at `at`. */
export function londonWallClock(at: Date): { date: string; time: string } {
  return { date: londonCalendarDate.format(at), time: londonClock.format(at) };
}

/** The London date and time some hours ago, so a contact has ended whatever time of day the test runs. */
export function londonDateAndTime(hoursAgo: number): { date: string; startTime: string } {
  const { date, time } = londonWallClock(new Date(Date.now() - hoursAgo * 3_600_000));
  return { date, startTime: time };
}
