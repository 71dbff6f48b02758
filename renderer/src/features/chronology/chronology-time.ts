const whenFormats = new Map<string, Intl.DateTimeFormat>();

/** "Sat 11 Apr 2026, 14:00" on the home's clock: the day of the week helps when reading back a year. */
export function whenText(instant: string, timeZone: string): string {
  let format = whenFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    whenFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}
