/**
 * Calendar arithmetic for termly figures. Terms are calendar dates in the home's zone
 * (Europe/London unless the home is elsewhere); contacts are UTC instants. Rather than turning
 * every contact into a local date (an Intl call each, thousands a year), each boundary date is
 * turned once into the instant its day starts, and contacts are compared as plain numbers. A day
 * that starts at local midnight in GMT starts an hour earlier in UTC during BST, and this is what
 * puts a call at 00:30 BST on the first day of term inside the term.
 */

export const defaultHomeTimeZone = 'Europe/London';

const msPerDay = 86_400_000;

function utcOfDate(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

function dateOfUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return dateOfUtc(utcOfDate(isoDate) + days * msPerDay);
}

/** The Monday of the week `isoDate` falls in (weeks run Monday to Sunday, as UK schools count them). */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(utcOfDate(isoDate)).getUTCDay(); // 0 Sunday ... 6 Saturday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOfDate(to) - utcOfDate(from)) / msPerDay);
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at instant `ms` (BST: one hour). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wallClock - (ms - (((ms % 1000) + 1000) % 1000));
}

const dayStarts = new Map<string, number>();

/** The instant (ms since the epoch) at which `isoDate` begins in `timeZone`. */
export function startOfLocalDay(isoDate: string, timeZone: string = defaultHomeTimeZone): number {
  const key = `${timeZone}|${isoDate}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const wallMidnight = utcOfDate(isoDate);
  let instant = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const corrected = wallMidnight - zoneOffsetMs(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  dayStarts.set(key, instant);
  return instant;
}

/** The home's calendar date at instant `ms`. */
export function localDateOf(ms: number, timeZone: string = defaultHomeTimeZone): string {
  return dateOfUtc(ms + zoneOffsetMs(ms, timeZone));
}

/** A span of whole local days, `[startsMs, endsMs)`, with the dates it runs between (inclusive). */
export type DaySpan = {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly startsMs: number;
  readonly endsMs: number;
};

export function daySpan(startsOn: string, endsOn: string, timeZone: string = defaultHomeTimeZone): DaySpan {
  return {
    startsOn,
    endsOn,
    startsMs: startOfLocalDay(startsOn, timeZone),
    endsMs: startOfLocalDay(addDays(endsOn, 1), timeZone),
  };
}

export function isWithin(ms: number, span: Pick<DaySpan, 'startsMs' | 'endsMs'>): boolean {
  return ms >= span.startsMs && ms < span.endsMs;
}

/** Where a span stands at `nowMs`: over, under way, or still to come. */
export type Phase = 'ended' | 'current' | 'notStarted';

export function phaseOf(span: Pick<DaySpan, 'startsMs' | 'endsMs'>, nowMs: number): Phase {
  if (nowMs >= span.endsMs) return 'ended';
  if (nowMs < span.startsMs) return 'notStarted';
  return 'current';
}
