import { dayStartMs, addDays, instantToWallClock } from '../home-time';

/**
 * Where visits sit on a day of the diary (the visit calendar's day and week views), worked out
 * from the visits' instants alone, so the screen places each box without measuring anything.
 *
 * Interpretation:
 * - A day's column is the home's wall clock from 00:00 to 24:00 (Europe/London unless the home is
 *   elsewhere), measured in minutes, so 14:00 sits at the same height on every day of a week.
 * - Clock changes: on the day the clocks go forward (23 hours in London) the hour that never
 *   happens (01:00 to 02:00) is a band with nothing in it; on the day they go back (25 hours) the
 *   hour that happens twice gets half its band for each time round, so a box's height still grows
 *   with its real length and nothing runs backwards. The day says which band, so the screen can
 *   say so in words.
 * - A visit that crosses midnight shows on each day it touches, cut at the day's edge and marked
 *   as going on from the day before or to the day after. One ending at 00:00 is not on the next day.
 * - Overlaps: visits whose boxes overlap (one starts before another's box ends) share the width in
 *   columns, each taking the first column free at its start; a group of overlaps that touch each
 *   other shares one column count. Back-to-back visits (15:00 to 16:00, then 16:00) do not overlap.
 * - Very short visits are drawn at least `minimumMinutes` tall (15 by default) so they can be read
 *   and clicked, and overlaps are judged on what is drawn.
 * - Visits come out in time order (start, then the longer first, then id): the order a person
 *   tabs through them.
 */

/** What the diary needs of a visit. */
export type DiaryEntry = { readonly id: string; readonly startsAt: string; readonly endsAt: string };

/** A band of the wall clock (minutes from 00:00) that a clock change leaves empty or doubles. */
export type ClockChange =
  | { readonly kind: 'forward'; readonly fromMinute: number; readonly toMinute: number }
  | { readonly kind: 'back'; readonly fromMinute: number; readonly toMinute: number };

/** One date on the home's clock: when it starts and ends, and its clock change if it has one. */
export type DiaryDay = {
  readonly date: string;
  readonly startsAtMs: number;
  readonly endsAtMs: number;
  /** The day's real length in minutes: 1,440, or 1,380 and 1,500 on London's clock-change days. */
  readonly lengthMinutes: number;
  readonly clockChange?: ClockChange;
  /** Minutes from 00:00 on the wall clock (0 to 1,440) of an instant within the day. */
  readonly minuteOf: (ms: number) => number;
};

export type PlacedEntry<T extends DiaryEntry> = {
  readonly entry: T;
  /** Minutes from the top of the day (00:00), 0 to 1,440. */
  readonly top: number;
  /** Minutes tall, at least the minimum. */
  readonly height: number;
  readonly column: number;
  readonly columns: number;
  readonly continuesFromDayBefore: boolean;
  readonly continuesToDayAfter: boolean;
};

export type DiaryDayLayout<T extends DiaryEntry> = {
  readonly day: DiaryDay;
  readonly placed: readonly PlacedEntry<T>[];
};

const minuteMs = 60_000;
export const minutesInDiaryDay = 24 * 60;

/** The wall-clock offset from UTC, in whole minutes, at an instant. */
function offsetMinutes(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / minuteMs) * minuteMs;
  const { date, time } = instantToWallClock(floored, timeZone);
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return (Date.UTC(year, month - 1, day, hours, minutes) - floored) / minuteMs;
}

/** The first whole minute after `fromMs` at which the offset is `after` (it is `before` at fromMs). */
function changeInstant(fromMs: number, toMs: number, after: number, timeZone: string): number {
  let low = 0; // a minute with the old offset
  let high = Math.round((toMs - fromMs) / minuteMs); // a minute with the new one
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMinutes(fromMs + middle * minuteMs, timeZone) === after) high = middle;
    else low = middle;
  }
  return fromMs + high * minuteMs;
}

const clamp = (value: number) => Math.min(minutesInDiaryDay, Math.max(0, value));

/** One date on the home's clock, with the rule that turns an instant into its height on the day. */
export function diaryDay(date: string, timeZone: string): DiaryDay {
  const startsAtMs = dayStartMs(date, timeZone);
  const endsAtMs = dayStartMs(addDays(date, 1), timeZone);
  const lengthMinutes = (endsAtMs - startsAtMs) / minuteMs;
  const base = { date, startsAtMs, endsAtMs, lengthMinutes };
  if (lengthMinutes === minutesInDiaryDay)
    return { ...base, minuteOf: (ms) => clamp((ms - startsAtMs) / minuteMs) };

  const before = offsetMinutes(startsAtMs, timeZone);
  const after = offsetMinutes(endsAtMs, timeZone);
  const shift = after - before;
  if (shift === 0) {
    // Not a change within the day (a zone that changes at midnight): the wall clock starts late.
    const startMinute = minutesInDiaryDay - lengthMinutes;
    return {
      ...base,
      ...(startMinute > 0 ? { clockChange: { kind: 'forward', fromMinute: 0, toMinute: startMinute } } : {}),
      minuteOf: (ms) => clamp(startMinute + (ms - startsAtMs) / minuteMs),
    };
  }
  const changeMs = changeInstant(startsAtMs, endsAtMs, after, timeZone);
  const changeElapsed = (changeMs - startsAtMs) / minuteMs;
  if (shift > 0) {
    // Forward: the wall clock jumps from changeElapsed to changeElapsed + shift.
    return {
      ...base,
      clockChange: { kind: 'forward', fromMinute: changeElapsed, toMinute: changeElapsed + shift },
      minuteOf: (ms) => clamp((ms - startsAtMs) / minuteMs + (ms >= changeMs ? shift : 0)),
    };
  }
  // Back: the band [changeElapsed - gap, changeElapsed) of the wall clock happens twice, over
  // 2 x gap real minutes; each real minute in it takes half a minute of the band.
  const gap = -shift;
  const fromMinute = changeElapsed - gap;
  const bandStartMs = changeMs - gap * minuteMs;
  const bandEndMs = changeMs + gap * minuteMs;
  return {
    ...base,
    clockChange: { kind: 'back', fromMinute, toMinute: changeElapsed },
    minuteOf: (ms) => {
      if (ms < bandStartMs) return clamp((ms - startsAtMs) / minuteMs);
      if (ms < bandEndMs) return fromMinute + (ms - bandStartMs) / minuteMs / 2;
      return clamp((ms - startsAtMs) / minuteMs - gap);
    },
  };
}

type Timed<T> = { readonly entry: T; readonly startMs: number; readonly endMs: number };

function timedInOrder<T extends DiaryEntry>(entries: readonly T[]): Timed<T>[] {
  return entries
    .map((entry) => ({ entry, startMs: Date.parse(entry.startsAt), endMs: Date.parse(entry.endsAt) }))
    .sort(
      (a, b) =>
        a.startMs - b.startMs ||
        b.endMs - a.endMs ||
        (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
}

/**
 * The entries on each of `dates` (those overlapping the day on the home's clock), in time order:
 * what the month view lists in each day's cell.
 */
export function entriesByDay<T extends DiaryEntry>(
  entries: readonly T[],
  dates: readonly string[],
  timeZone: string,
): { readonly date: string; readonly entries: readonly T[] }[] {
  const timed = timedInOrder(entries);
  return dates.map((date) => {
    const startsAtMs = dayStartMs(date, timeZone);
    const endsAtMs = dayStartMs(addDays(date, 1), timeZone);
    return {
      date,
      entries: timed
        .filter((item) => item.startMs < endsAtMs && item.endMs > startsAtMs)
        .map((item) => item.entry),
    };
  });
}

/** Each of `dates` with its entries placed: top and height in minutes, and columns for overlaps. */
export function layOutDiary<T extends DiaryEntry>(
  entries: readonly T[],
  dates: readonly string[],
  timeZone: string,
  { minimumMinutes = 15 }: { readonly minimumMinutes?: number } = {},
): DiaryDayLayout<T>[] {
  const timed = timedInOrder(entries);
  return dates.map((date) => {
    const day = diaryDay(date, timeZone);
    const boxes = timed
      .filter((item) => item.startMs < day.endsAtMs && item.endMs > day.startsAtMs)
      .map((item) => {
        const top = day.minuteOf(Math.max(item.startMs, day.startsAtMs));
        const bottom = day.minuteOf(Math.min(item.endMs, day.endsAtMs));
        const height = Math.max(bottom - top, minimumMinutes);
        return {
          entry: item.entry,
          top: Math.min(top, minutesInDiaryDay - height),
          height,
          continuesFromDayBefore: item.startMs < day.startsAtMs,
          continuesToDayAfter: item.endMs > day.endsAtMs,
        };
      })
      // A very short visit late in the day is lifted to fit: keep the boxes in order of height.
      .sort((a, b) => a.top - b.top);
    return { day, placed: inColumns(boxes) };
  });
}

type Box<T extends DiaryEntry> = Omit<PlacedEntry<T>, 'column' | 'columns'>;

/** Side-by-side columns for boxes already in time order: each takes the first column free at its top. */
function inColumns<T extends DiaryEntry>(boxes: readonly Box<T>[]): PlacedEntry<T>[] {
  const placed: PlacedEntry<T>[] = [];
  let group: { box: Box<T>; column: number }[] = [];
  let columnEnds: number[] = [];
  let groupEnd = -Infinity;
  const closeGroup = () => {
    for (const { box, column } of group) placed.push({ ...box, column, columns: columnEnds.length });
    group = [];
    columnEnds = [];
  };
  for (const box of boxes) {
    if (box.top >= groupEnd) closeGroup();
    let column = columnEnds.findIndex((end) => end <= box.top);
    if (column === -1) column = columnEnds.length;
    columnEnds[column] = box.top + box.height;
    groupEnd = group.length === 0 ? box.top + box.height : Math.max(groupEnd, box.top + box.height);
    group.push({ box, column });
  }
  closeGroup();
  return placed;
}

/**
 * The wall-clock minute from 00:00 of an instant on one of `days`, worked out from the day's start
 * alone: a day of exactly 24 hours keeps one offset from UTC all day (the rule `diaryDay` places
 * boxes by), so no time-zone look-up is needed to write "14:00". An instant at the very end of a day
 * is 24:00 of it. Undefined when the instant falls on none of the days, or on a day the clocks
 * change: the caller asks the zone's own rules then.
 */
export function wallClockMinute(ms: number, days: readonly DiaryDay[]): number | undefined {
  const day = days.find((candidate) => ms >= candidate.startsAtMs && ms <= candidate.endsAtMs);
  if (!day || day.lengthMinutes !== minutesInDiaryDay) return undefined;
  return Math.floor((ms - day.startsAtMs) / minuteMs);
}

/**
 * What is laid out of a box's text, line by line, when the box can be at most `widestEm` wide (in
 * the box's own font size): each line cut after the most characters that could ever show in that
 * width, at `narrowestGlyphEm` a character (0.2 em is below the narrowest letter, digit, space or
 * stop of the fonts a home's computer uses). The box cuts its text at its edge anyway, so the cut
 * never changes what is seen; it spares the browser shaping text nobody can see, which is most of
 * a busy week's layout. The whole text stays the box's name and tooltip.
 */
export function textWithin(text: string, widestEm: number, narrowestGlyphEm = 0.2): string {
  const most = Math.max(1, Math.ceil(widestEm / narrowestGlyphEm));
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= most) return line;
      // Never half a character: a high surrogate at the cut goes with its pair.
      const code = line.charCodeAt(most - 1);
      return line.slice(0, code >= 0xd800 && code <= 0xdbff ? most + 1 : most);
    })
    .join('\n');
}
