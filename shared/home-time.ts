import { TZDate } from '@date-fns/tz';

/**
 * Dates and times on the home's clock. Records keep instants (ISO strings in UTC); staff talk in
 * the home's wall-clock time, and "today" is the date on the wall in the home's zone (Europe/London
 * unless the home is elsewhere): just after midnight in British Summer Time it is already tomorrow
 * there while UTC is still on yesterday. Every function takes the zone last and returns instants
 * in UTC, so they compare as strings with what is stored.
 *
 * Around a clock change: a wall-clock time that never happens (01:30 on the last Sunday of March in
 * London) is read as the same time after the change (02:30 BST), and one that happens twice (01:30
 * on the last Sunday of October) as its first occurrence in the zone's own rules (as date-fns does).
 */

/** An instant as a Date, an ISO string or milliseconds since the epoch. */
export type Instant = Date | string | number;

const msOf = (instant: Instant) => (typeof instant === 'number' ? instant : new Date(instant).getTime());

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone`, zero-padded. One formatter per zone, reused. */
function wallClockParts(instant: Instant, timeZone: string) {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(msOf(instant)))) parts[part.type] = part.value;
  return {
    date: `${parts.year ?? '1970'}-${parts.month ?? '01'}-${parts.day ?? '01'}`,
    time: `${parts.hour ?? '00'}:${parts.minute ?? '00'}`,
  };
}

/** The calendar date (YYYY-MM-DD) of `instant` on the home's clock. */
export function calendarDateOf(instant: Instant, timeZone: string): string {
  return wallClockParts(instant, timeZone).date;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm) of `instant` on the home's clock. */
export function instantToWallClock(instant: Instant, timeZone: string): { date: string; time: string } {
  return wallClockParts(instant, timeZone);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{1,2}):(\d{2})$/;

/**
 * The instant (ISO, UTC) a wall-clock date (YYYY-MM-DD) and time (HH:mm) stand for on the home's
 * clock, or undefined when they are not a date and a time: a call at 18:00 on a summer evening is
 * 17:00 UTC.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): string | undefined {
  const day = datePattern.exec(date);
  const clock = timePattern.exec(time);
  if (!day || !clock) return undefined;
  const ms = new TZDate(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
    0,
    0,
    timeZone,
  ).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const dayStarts = new Map<string, number>();

/**
 * The instant (ms since the epoch) at which `isoDate` begins on the home's clock. Kept once worked
 * out: a term's figures turn each boundary date into an instant once and compare numbers.
 */
export function dayStartMs(isoDate: string, timeZone: string): number {
  const key = `${timeZone}|${isoDate}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const ms = new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone).getTime();
  dayStarts.set(key, ms);
  return ms;
}

/** The instant (ISO, UTC) at which `isoDate` begins on the home's clock: "1 June" starts at 23:00 UTC on 31 May in summer. */
export function startOfDayIn(isoDate: string, timeZone: string): string {
  return new Date(dayStartMs(isoDate, timeZone)).toISOString();
}

/**
 * The instant midnight began on the home's clock `days` days before the day `instant` falls on
 * there: where a window of "the last 14 days" opens.
 */
export function startOfDayBefore(instant: Instant, days: number, timeZone: string): string {
  return startOfDayIn(addDays(calendarDateOf(instant, timeZone), -days), timeZone);
}

/** The instant the day after `isoDate` begins: the exclusive end of a range "to" that date. */
export function endOfDayIn(isoDate: string, timeZone: string): string {
  return startOfDayIn(addDays(isoDate, 1), timeZone);
}

/** `addDays`' answers, by the days added and then the date; emptied when it holds `datesAddedKept`. */
const datesAdded = new Map<number, Map<string, string>>();
let datesAddedCount = 0;
const datesAddedKept = 20_000;

/**
 * The calendar date `days` after (or before) `isoDate`. A date has no clock changes: UTC arithmetic.
 * Kept once worked out: the termly review walks the weeks and plan periods of every term for each
 * young person, and for the 50 of the large home's cold overview this came to 30 to 110 ms of
 * parsing and writing the same few hundred dates (two CPU profiles, load 9 to 13).
 */
export function addDays(isoDate: string, days: number): string {
  let byDate = datesAdded.get(days);
  const known = byDate?.get(isoDate);
  if (known !== undefined) return known;
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
  if (datesAddedCount >= datesAddedKept) {
    datesAdded.clear();
    datesAddedCount = 0;
    byDate = undefined;
  }
  if (!byDate) {
    byDate = new Map();
    datesAdded.set(days, byDate);
  }
  byDate.set(isoDate, date);
  datesAddedCount += 1;
  return date;
}

/** The Monday of the week `isoDate` falls in (weeks run Monday to Sunday, as UK schools count them). */
export function mondayOf(isoDate: string): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 Sunday ... 6 Saturday
  return addDays(isoDate, -((weekday + 6) % 7));
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dayAndTimeFormats = new Map<string, Intl.DateTimeFormat>();
const wordFormats = new Map<string, Intl.DateTimeFormat>();
const secondsFormats = new Map<string, Intl.DateTimeFormat>();
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** "14:05" on the home's clock. */
export function clockTime(instant: Instant, timeZone: string): string {
  return formatIn(clockFormats, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(msOf(instant)),
  );
}

/** "14:32:05" on the home's clock: for a moment that matters to the second (when a draft was kept). */
export function clockTimeWithSeconds(instant: Instant, timeZone: string): string {
  return formatIn(secondsFormats, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(msOf(instant)));
}

const dayMonthYearTime: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** "23 November 2026": the date of `instant` on the home's clock, its month in full. */
export function longDate(instant: Instant, timeZone: string): string {
  return formatIn(longDateFormats, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(msOf(instant)),
  );
}

/** "23 Nov 2026, 14:05" on the home's clock. */
export function dayAndTime(instant: Instant, timeZone: string): string {
  return formatIn(dayAndTimeFormats, timeZone, dayMonthYearTime).format(new Date(msOf(instant)));
}

type WallClockWords = Readonly<
  Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute' | 'timeZoneName', string>
>;

/**
 * An instant's parts on the home's clock, as a person reads them: weekday "Mon", day "26", month
 * "Oct", year "2026", hour "09", minute "05", and the zone's abbreviation "GMT" or "BST".
 */
export function wallClockWords(instant: Instant, timeZone: string): WallClockWords {
  const format = formatIn(wordFormats, timeZone, {
    ...dayMonthYearTime,
    weekday: 'short',
    timeZoneName: 'short',
  });
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(msOf(instant)))) parts[part.type] = part.value;
  return {
    weekday: parts.weekday ?? '',
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
    timeZoneName: parts.timeZoneName ?? '',
  };
}

/** "Sat, 11 Apr 2026, 14:00" on the home's clock: the day of the week helps when reading back a year. */
export function weekdayDayAndTime(instant: Instant, timeZone: string): string {
  const words = wallClockWords(instant, timeZone);
  return `${words.weekday}, ${words.day} ${words.month} ${words.year}, ${words.hour}:${words.minute}`;
}
