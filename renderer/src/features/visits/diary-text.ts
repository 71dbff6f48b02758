import { clockTime } from '@shared/home-time';
import { wallClockMinute, type DiaryDay } from '@shared/rules/diary-layout';
import { visitKindLabels, visitStatusLabels } from '@shared/schemas/visits';
import type { DiaryVisit } from '../../db/repositories/visit-reads';
import type { VisitDirectory } from './useVisitDirectory';

/**
 * The words the diary (day, week and month views) shows and reads out. Dates are YYYY-MM-DD on
 * the home's clock, so they are formatted at midday UTC: no zone can move them to another day.
 */

const formats = {
  short: new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }),
  long: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  full: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  weekday: new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }),
};

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Mon 2 Jun" (a week's column), "Monday 2 June" (read out), "Monday 2 June 2036" (the day view). */
export function dayLabel(date: string, length: 'short' | 'long' | 'full'): string {
  return formats[length].format(noon(date)).replace(',', '');
}

/** "Mon" ... "Sun", Monday first: the month view's column headings. */
export const weekdayNames = Array.from({ length: 7 }, (_unused, index) =>
  formats.weekday.format(new Date(Date.UTC(2024, 0, 1 + index, 12))),
);

/** "HH:mm" of minutes from midnight. */
export function minutesAsTime(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60) % 24).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * What a visit is called on the calendar: who, and what kind of visit; the status in words when
 * it did not go ahead or is done, so colour never carries it alone.
 */
export function visitTitle(visit: DiaryVisit, directory: VisitDirectory): string {
  const who = visit.youngPersonIds.map(directory.youngPersonName).join(', ');
  const status =
    visit.status === 'planned' || visit.status === 'confirmed'
      ? ''
      : ` (${visitStatusLabels[visit.status].toLowerCase()})`;
  return `${who}: ${visitKindLabels[visit.kind]}${status}`;
}

/**
 * "14:00–15:00" on the home's clock. Given the days a grid shows, a time on one of them is worked
 * out from the day's start (`wallClockMinute`) rather than by the zone's rules: a week of 500
 * visits asks those a thousand times, a good share of drawing it.
 */
export function visitTimes(visit: DiaryVisit, timeZone: string, days: readonly DiaryDay[] = []): string {
  const clock = (instant: string) => {
    const minute = days.length > 0 ? wallClockMinute(Date.parse(instant), days) : undefined;
    return minute === undefined ? clockTime(instant, timeZone) : minutesAsTime(minute);
  };
  return `${clock(visit.startsAt)}–${clock(visit.endsAt)}`;
}

/** What a visit's box shows (times, then who and what) and what it adds when read out (room, status). */
export type VisitTexts = { readonly times: string; readonly title: string; readonly details: string };

export function visitTexts(
  visit: DiaryVisit,
  directory: VisitDirectory,
  timeZone: string,
  days: readonly DiaryDay[] = [],
): VisitTexts {
  const room = visit.roomId ? `, ${directory.roomName(visit.roomId)}` : '';
  // The title already says cancelled, completed or did not attend.
  const status =
    visit.status === 'planned' || visit.status === 'confirmed'
      ? `, ${visitStatusLabels[visit.status].toLowerCase()}`
      : '';
  return {
    times: visitTimes(visit, timeZone, days),
    title: visitTitle(visit, directory),
    details: `${room}${status}`,
  };
}

/**
 * A visit's box read out: what it shows first, then the room, the status and the day ("Monday 2
 * June"), so a person tabbing through a week hears everything the colour and the column say.
 */
export function visitAccessibleName(texts: VisitTexts, longDay: string): string {
  return `${texts.times} ${texts.title}${texts.details}, ${longDay}`;
}
