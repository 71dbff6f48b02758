import { wallClockToInstant } from '../home-time';
import { fail, ok, type Result } from '../result';
import type { RepeatFrequency } from '../schemas/visits';

/**
 * Repeating visits weekly, fortnightly or monthly, with single occurrences moved or
 * cancelled (DESIGN: the visit schedule).
 *
 * Interpretation:
 * - Times are **wall-clock times in the home's zone** (Europe/London by default): a visit at 14:00
 *   every Saturday is at 14:00 on the office clock after the clocks change, so its instant moves by
 *   an hour across a change. Each occurrence is worked out from its own date, never by adding
 *   hours to the one before.
 * - Weekly is every 7 days, fortnightly every 14, from the first date. Monthly is the same date each
 *   month, counted from the first date (not from the month before): a series on the 31st falls on
 *   the last day of a shorter month and returns to the 31st after it.
 * - The series runs up to and including `until`. A series longer than `maxOccurrences` visits is
 *   refused with a message, rather than quietly cut short.
 * - A wall-clock time that does not exist on a spring-forward night (01:30 on the last Sunday of
 *   March in London) is taken as the same time after the change (02:30 BST), as the clock reads it.
 * - Single occurrences: `cancelledDates` drops the occurrence on that date; `movedDates` gives an
 *   occurrence its own date and times while it stays part of the series.
 */

export type WallClockSlot = { readonly date: string; readonly startTime: string; readonly endTime: string };

export type RecurrenceInput = WallClockSlot & {
  readonly frequency: RepeatFrequency;
  /** The last date a visit may fall on (YYYY-MM-DD); ignored when the visit does not repeat. */
  readonly until?: string | undefined;
  readonly timeZone: string;
  readonly cancelledDates?: readonly string[];
  /** Keyed by the date the occurrence would have fallen on. */
  readonly movedDates?: Readonly<Record<string, WallClockSlot>>;
};

export type Occurrence = {
  /** The date this occurrence falls on in the series' pattern (its key for moves and cancellations). */
  readonly patternDate: string;
  /** The date it actually happens (differs when moved). */
  readonly date: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly isMoved: boolean;
};

export const maxOccurrences = 104;

export type RecurrenceError = 'too-many' | 'invalid-date';

function parseDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const formatDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The pattern date of the `index`th occurrence (0 is the first date). Calendar arithmetic in UTC, so no zone can shift a day. */
function nthDate(
  first: { year: number; month: number; day: number },
  frequency: Exclude<RepeatFrequency, 'none'>,
  index: number,
): string {
  if (frequency === 'monthly') {
    const monthIndex = first.month - 1 + index;
    const year = first.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    return formatDate(year, month, Math.min(first.day, daysInMonth(year, month)));
  }
  const step = frequency === 'weekly' ? 7 : 14;
  const date = new Date(Date.UTC(first.year, first.month - 1, first.day + step * index));
  return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A slot's date and time as an instant; the booking form has already checked they are both real. */
function instantOf(date: string, time: string, timeZone: string): string {
  const instant = wallClockToInstant(date, time, timeZone);
  if (!instant) throw new Error(`Not a date and time: ${date} ${time}`);
  return instant;
}

function occurrenceOf(
  patternDate: string,
  slot: WallClockSlot,
  timeZone: string,
  isMoved: boolean,
): Occurrence {
  return {
    patternDate,
    date: slot.date,
    startsAt: instantOf(slot.date, slot.startTime, timeZone),
    endsAt: instantOf(slot.date, slot.endTime, timeZone),
    isMoved,
  };
}

/** Every visit a booking makes, in date order, or why it cannot be made. */
export function expandRecurrence(input: RecurrenceInput): Result<Occurrence[], RecurrenceError> {
  const first = parseDate(input.date);
  if (!first) return fail('invalid-date', 'Enter the date of the first visit.');
  const cancelled = new Set(input.cancelledDates ?? []);
  const moved = input.movedDates ?? {};
  const slotFor = (patternDate: string): Occurrence | undefined => {
    if (cancelled.has(patternDate)) return undefined;
    const movedSlot = moved[patternDate];
    if (movedSlot) return occurrenceOf(patternDate, movedSlot, input.timeZone, true);
    return occurrenceOf(
      patternDate,
      { date: patternDate, startTime: input.startTime, endTime: input.endTime },
      input.timeZone,
      false,
    );
  };

  if (input.frequency === 'none') {
    const single = slotFor(input.date);
    return ok(single ? [single] : []);
  }
  const until = input.until ?? '';
  if (!parseDate(until)) return fail('invalid-date', 'Enter the date the visits stop repeating.');

  const occurrences: Occurrence[] = [];
  for (let index = 0; ; index += 1) {
    const patternDate = nthDate(first, input.frequency, index);
    if (patternDate > until) break;
    if (index >= maxOccurrences) {
      return fail(
        'too-many',
        `That would book more than ${maxOccurrences} visits. Choose an earlier last date, or book the rest later.`,
      );
    }
    const occurrence = slotFor(patternDate);
    if (occurrence) occurrences.push(occurrence);
  }
  occurrences.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return ok(occurrences);
}
