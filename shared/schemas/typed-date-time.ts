import { z } from 'zod';
import { isCalendarDate } from './common';

/**
 * Dates and times as staff type them on a UK office computer. A browser's own date field fills
 * its day, month and year boxes in turn and moves on by itself, so typing "10/12/2026" into one
 * that already held a date gave "10/12/122026". These are plain text fields instead, read here:
 * day/month/year (slashes, dashes, dots or spaces; a two-digit year is this century) or the ISO
 * form, and a time on the 24-hour clock ("18:30", "1830", "18.30") or with am/pm ("6.30pm").
 */

/** The months by name, January first. */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const pad = (value: number) => String(value).padStart(2, '0');

export type TypedDate =
  | { readonly kind: 'date'; readonly isoDate: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'no-such-day'; readonly day: number; readonly month: number; readonly year: number };

/** What a typed date means: an ISO date (YYYY-MM-DD), nothing, or why it is not a date. */
export function readTypedDate(text: string): TypedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const uk = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$/.exec(trimmed);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    [day, month] = [Number(uk[1]), Number(uk[2])];
    year = uk[3]?.length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
  } else return { kind: 'unreadable' };
  const isoDate = `${year}-${pad(month)}-${pad(day)}`;
  if (month < 1 || month > 12 || !isCalendarDate(isoDate)) return { kind: 'no-such-day', day, month, year };
  return { kind: 'date', isoDate };
}

/** YYYY-MM-DD as a person reads it in the UK: 26/10/2026. Anything else is returned as it is. */
export function ukDateText(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

export type TypedTime =
  | { readonly kind: 'time'; readonly time: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unreadable' };

/** What a typed time of day means: HH:MM on the 24-hour clock, nothing, or not a time. */
export function readTypedTime(text: string): TypedTime {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return { kind: 'empty' };
  const match = /^(\d{1,2})(?:\s*[:.]\s*(\d{2})|(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(trimmed);
  if (!match) return { kind: 'unreadable' };
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? '0');
  const half = match[4]?.startsWith('p') ? 'pm' : match[4] ? 'am' : undefined;
  // A bare number is only a time with am/pm ("6pm"); "18" alone is more likely a slip.
  if (match[2] === undefined && match[3] === undefined && !half) return { kind: 'unreadable' };
  if (half) {
    if (hours < 1 || hours > 12) return { kind: 'unreadable' };
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return { kind: 'unreadable' };
  return { kind: 'time', time: `${pad(hours)}:${pad(minutes)}` };
}

/** Why a typed date is not usable, in words that name the field (`what`) and the fix. */
function dateProblem(read: Exclude<TypedDate, { kind: 'date' }>, what: string): string {
  switch (read.kind) {
    case 'empty':
      return `Enter ${what}, for example 26/10/2026.`;
    case 'unreadable':
      return `Enter ${what} as day/month/year, for example 26/10/2026.`;
    case 'no-such-day':
      return read.month >= 1 && read.month <= 12
        ? `There is no ${read.day} ${monthNames[read.month - 1]} ${read.year}. Check ${what}.`
        : `There is no month ${read.month}. Enter ${what} as day/month/year, for example 26/10/2026.`;
    default: {
      const unreachable: never = read;
      return unreachable;
    }
  }
}

/**
 * Why `text` is not a date, in the words the typed-date schemas use (an empty box is asked for,
 * as a required one is), or undefined for a good date. For a box whose form keeps its schema's
 * own date check and shows these words instead.
 */
export function typedDateProblem(text: string, what: string): string | undefined {
  const read = readTypedDate(text);
  return read.kind === 'date' ? undefined : dateProblem(read, what);
}

/**
 * A required date typed by a person; the output is YYYY-MM-DD. `what` names the field in the
 * message ("the date of the contact"), so the message says which field and how to fix it.
 */
export function typedDateSchema(what: string) {
  return z.string({ message: `Enter ${what}, for example 26/10/2026.` }).transform((text, context) => {
    const read = readTypedDate(text);
    if (read.kind === 'date') return read.isoDate;
    context.addIssue({ code: 'custom', message: dateProblem(read, what) });
    return z.NEVER;
  });
}

/** A date a person may leave empty: empty gives '', anything typed must be a real date. */
export function optionalTypedDateSchema(what: string) {
  return z.string().transform((text, context) => {
    const read = readTypedDate(text);
    if (read.kind === 'date') return read.isoDate;
    if (read.kind === 'empty') return '';
    context.addIssue({ code: 'custom', message: dateProblem(read, what) });
    return z.NEVER;
  });
}

/** A required time of day typed by a person; the output is HH:MM (24-hour clock). */
export function typedTimeSchema(what: string) {
  return z.string({ message: `Enter ${what}, for example 18:30.` }).transform((text, context) => {
    const read = readTypedTime(text);
    if (read.kind === 'time') return read.time;
    context.addIssue({
      code: 'custom',
      message:
        read.kind === 'empty'
          ? `Enter ${what}, for example 18:30.`
          : `Enter ${what} on the 24-hour clock, for example 18:30 (or 6.30pm).`,
    });
    return z.NEVER;
  });
}

/** A from–to pair of typed dates, as a filter reads them: each day when it is a good one, and what is wrong. */
export type TypedDateRange = {
  readonly fromDate: string | undefined;
  readonly toDate: string | undefined;
  readonly fromProblem: string | undefined;
  readonly toProblem: string | undefined;
};

function rangeDayProblem(text: string, what: string): string | undefined {
  const read = readTypedDate(text);
  if (read.kind === 'date' || read.kind === 'empty') return undefined;
  return `Enter ${what} as day/month/year, for example 26/10/2026.`;
}

/**
 * Reads a "from" and "to" typed into a filter. An empty box is no limit; a date that cannot be read,
 * or a last day before the first, is named in words with the fix and is not used.
 */
export function readTypedDateRange(fromText: string, toText: string): TypedDateRange {
  const from = readTypedDate(fromText);
  const to = readTypedDate(toText);
  const fromProblem = rangeDayProblem(fromText, 'the first day');
  const toProblem =
    rangeDayProblem(toText, 'the last day') ??
    (from.kind === 'date' && to.kind === 'date' && to.isoDate < from.isoDate
      ? 'The last day is before the first. Make it the same day or later.'
      : undefined);
  return {
    fromDate: from.kind === 'date' && !fromProblem ? from.isoDate : undefined,
    toDate: to.kind === 'date' && !toProblem ? to.isoDate : undefined,
    fromProblem,
    toProblem,
  };
}
