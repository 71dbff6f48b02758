// Oakfield House and the fixture homes keep London time; the app's date fields take YYYY-MM-DD.

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

/** The London date and time some hours ago, so a contact has ended whatever time of day the test runs. */
export function londonDateAndTime(hoursAgo: number): { date: string; startTime: string } {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  const startTime = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { date: londonCalendarDate.format(at), startTime };
}
