const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "29 Nov 2026, 21:30" in this computer's time zone. */
export function formatBackupTime(isoInstant: string): string {
  return when.format(new Date(isoInstant));
}
