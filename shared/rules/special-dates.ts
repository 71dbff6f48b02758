import { addDays } from '../home-time';
import { monthNames } from '../schemas/typed-date-time';

/**
 * Special dates coming up (seed 004 §4: "Young people will be supported in maintaining contact by
 * ... sending cards on special occasions"). A date is due from a week before it until the day
 * itself, so the young person's Personal Tutor has time to support a card (posted) or plan a call.
 *
 * Interpretation:
 * - "today" is a date on the home's clock (Europe/London by default), worked out by the caller;
 *   everything here is calendar dates, so a clock change in the week makes no difference.
 * - A date on 29 February falls on 28 February in a year with no 29th: a card for the 28th is
 *   never late, and the day stays within February, where the family keeps it.
 * - The week runs across the end of the year: on 28 December a birthday on 2 January is due,
 *   falling in the next year.
 */

/** How many days ahead a special date is shown (a week, seed 004 §4's cards need posting). */
export const specialDateNoticeDays = 7;

type DayAndMonth = { readonly day: number; readonly month: number; readonly year?: number | undefined };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The day (YYYY-MM-DD) a special date falls in `year`; 29 February is 28 February in other years. */
export function occurrenceIn(date: DayAndMonth, year: number): string {
  const day = date.month === 2 && date.day === 29 && !isLeapYear(year) ? 28 : date.day;
  return `${pad(year, 4)}-${pad(date.month)}-${pad(day)}`;
}

export type DueSpecialDate<D> = {
  readonly date: D;
  /** The day it falls on (YYYY-MM-DD). */
  readonly on: string;
  /** Days from today: 0 on the day itself, up to `specialDateNoticeDays`. */
  readonly daysAway: number;
  /** The age they reach, when the year is known (a birthday's age, an anniversary's years). */
  readonly turns?: number;
};

const capitalised = (text: string) => `${text.charAt(0).toLocaleUpperCase('en-GB')}${text.slice(1)}`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The special dates that fall from `today` to `withinDays` days after it, soonest first. A date
 * whose year is after the occurrence (entered wrongly, or not yet happened) gives no `turns`.
 */
export function specialDatesDue<D extends DayAndMonth>(
  dates: readonly D[],
  today: string,
  withinDays: number = specialDateNoticeDays,
): DueSpecialDate<D>[] {
  const last = addDays(today, withinDays);
  const thisYear = Number(today.slice(0, 4));
  const due: DueSpecialDate<D>[] = [];
  for (const date of dates) {
    // This year's, or next year's when the week runs past 31 December.
    const on = [thisYear, thisYear + 1]
      .map((year) => occurrenceIn(date, year))
      .find((candidate) => candidate >= today && candidate <= last);
    if (on === undefined) continue;
    const turns = date.year === undefined ? undefined : Number(on.slice(0, 4)) - date.year;
    due.push({
      date,
      on,
      daysAway: daysBetween(today, on),
      ...(turns !== undefined && turns > 0 ? { turns } : {}),
    });
  }
  return due.sort((a, b) => a.on.localeCompare(b.on));
}

/** "11 December" */
export function dayMonthWords(isoDate: string): string {
  const month = monthNames[Number(isoDate.slice(5, 7)) - 1] ?? '';
  return `${Number(isoDate.slice(8, 10))} ${month}`;
}

/** "today", "tomorrow", "in 5 days" */
export function daysAwayWords(daysAway: number): string {
  if (daysAway === 0) return 'today';
  if (daysAway === 1) return 'tomorrow';
  return `in ${daysAway} days`;
}

/**
 * The reminder as the PT reads it: "Mum’s birthday on 11 December: support a card or call". The
 * relationship is the young person's word for them ("mum", "older brother"), capitalised.
 */
export function specialDateReminderText(input: {
  readonly relationship: string;
  readonly label: string;
  readonly on: string;
}): string {
  const whose = input.relationship.trim();
  const what = whose === '' ? input.label.trim() : `${whose}’s ${input.label.trim()}`;
  return `${capitalised(what)} on ${dayMonthWords(input.on)}: support a card or call`;
}

/** "29 February" for a date kept by day and month (read in a leap year, so 29 February is itself). */
export function specialDateWords(date: DayAndMonth): string {
  return dayMonthWords(occurrenceIn(date, 2000)) + (date.year === undefined ? '' : ` ${date.year}`);
}
