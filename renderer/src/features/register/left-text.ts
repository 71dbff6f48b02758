import type { VisitorEntry } from '@shared/schemas/registers';
import { dayAndTime } from '@shared/home-time';

/**
 * When a visitor left, in words: the day and time (or `time`'s own wording), "Still on site", or,
 * for someone turned away, `turnedAway` ("Turned away" in a list, "Never came in" in a version).
 */
export function leftText(
  entry: VisitorEntry,
  timeZone: string,
  {
    turnedAway = 'Turned away',
    time = dayAndTime,
  }: { readonly turnedAway?: string; readonly time?: (departedAt: string, timeZone: string) => string } = {},
): string {
  if (entry.kind === 'turnedAway') return turnedAway;
  if (!entry.departedAt) return 'Still on site';
  return time(entry.departedAt, timeZone);
}
