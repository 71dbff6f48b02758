/**
 * The 48-hour clock for contact forms (DESIGN rule 1): a form is due a fixed
 * number of real hours (48 unless the home changes it) after the contact ended.
 *
 * Why plain arithmetic on instants is right: the policy counts elapsed time, not wall-clock time.
 * Every timestamp here is an ISO instant (UTC), and UTC has no clock changes, so adding 48 × 3600
 * seconds gives the moment exactly 48 real hours later whatever Europe/London does in between. A
 * contact ending at 12:00 BST on Saturday 24 October 2026 is due at 11:00 GMT on Monday 26 October:
 * the clocks went back an hour in between, so the wall clock shows 47 hours later, but 48 hours have
 * passed. Doing the sum on local wall-clock times instead (a "+2 days" in a calendar library) would
 * give 49 real hours in October and 47 in March, which is what the policy rules out.
 *
 * Time zones matter only for *display*: `formatDeadlineInstant` shows an instant as the home's local
 * time (Europe/London by default), with GMT or BST so nobody has to work out which.
 *
 * On time means filed at or before the due moment, to the millisecond: exactly 48 hours is on time,
 * one minute after is late. A form "filed" before its contact ended is not a status anyone can be
 * proud of: it means a wrong date was entered, so it is flagged rather than counted as on time.
 */

import { wallClockWords } from '../home-time';

export const defaultContactFormDueHours = 48;

const millisecondsPerHour = 3_600_000;

export type ContactFormStatus =
  | { readonly kind: 'due'; readonly dueAt: string; readonly hoursLeft: number }
  | { readonly kind: 'overdue'; readonly dueAt: string; readonly hoursOverdue: number }
  | { readonly kind: 'filedOnTime'; readonly dueAt: string; readonly filedAt: string }
  | {
      readonly kind: 'filedLate';
      readonly dueAt: string;
      readonly filedAt: string;
      readonly hoursLate: number;
    }
  /** The filing time is earlier than the end of the contact: a data-entry mistake to correct. */
  | { readonly kind: 'filedBeforeContactEnded'; readonly contactEndedAt: string; readonly filedAt: string };

function instantOf(iso: string, what: string): number {
  const milliseconds = Date.parse(iso);
  if (Number.isNaN(milliseconds)) throw new RangeError(`${what} is not a valid date and time: ${iso}`);
  return milliseconds;
}

function checkedDueHours(dueHours: number): number {
  if (!Number.isFinite(dueHours) || dueHours <= 0)
    throw new RangeError(
      `The time allowed for a contact form must be a positive number of hours, not ${dueHours}`,
    );
  return dueHours;
}

/** The instant a form falls due: `dueHours` real hours after the contact ended (ISO, UTC). */
export function contactFormDeadline(
  contactEndedAt: string,
  dueHours: number = defaultContactFormDueHours,
): string {
  const endedAt = instantOf(contactEndedAt, 'The end of the contact');
  return new Date(endedAt + checkedDueHours(dueHours) * millisecondsPerHour).toISOString();
}

/**
 * Where a form stands at `now`. Hours are exact (fractional): callers round for display, so that
 * "one minute late" is still late.
 *
 * A form is measured from its own stored `dueAt` when it has one: the deadline it was given when
 * it was started, which holds the home's hours at that time (seed 004 §5.2.1: "completed within
 * 48 hours"; the home may change the 48 for contacts from then on, not for forms already due).
 * `dueHours` counts from the contact's end only for a form that has none.
 */
export function contactFormStatus(
  form: {
    readonly contactEndedAt: string;
    readonly dueAt?: string | undefined;
    readonly filedAt?: string | undefined;
  },
  now: Date,
  dueHours: number = defaultContactFormDueHours,
): ContactFormStatus {
  const dueAt = form.dueAt ?? contactFormDeadline(form.contactEndedAt, dueHours);
  const dueMs = instantOf(dueAt, 'The due time');
  if (form.filedAt !== undefined) {
    const filedMs = instantOf(form.filedAt, 'The filing time');
    if (filedMs < Date.parse(form.contactEndedAt))
      return { kind: 'filedBeforeContactEnded', contactEndedAt: form.contactEndedAt, filedAt: form.filedAt };
    if (filedMs <= dueMs) return { kind: 'filedOnTime', dueAt, filedAt: form.filedAt };
    return {
      kind: 'filedLate',
      dueAt,
      filedAt: form.filedAt,
      hoursLate: (filedMs - dueMs) / millisecondsPerHour,
    };
  }
  const nowMs = now.getTime();
  if (nowMs <= dueMs) return { kind: 'due', dueAt, hoursLeft: (dueMs - nowMs) / millisecondsPerHour };
  return { kind: 'overdue', dueAt, hoursOverdue: (nowMs - dueMs) / millisecondsPerHour };
}

/**
 * A span in the words staff use: minutes under an hour, whole hours under two days, whole days
 * after that. Always rounded down, except that anything above zero is at least "1 minute", so a
 * form that is late at all never reads as "0 minutes late".
 */
export function describeSpan(hours: number): string {
  const minutes = Math.max(1, Math.floor(hours * 60));
  if (minutes < 60) return plural(minutes, 'minute');
  const wholeHours = Math.floor(minutes / 60);
  if (wholeHours < 48) return plural(wholeHours, 'hour');
  return plural(Math.floor(wholeHours / 24), 'day');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "due in 5 hours", "overdue by 2 days", "filed on time", "filed 3 hours late". */
export function describeContactFormStatus(status: ContactFormStatus): string {
  switch (status.kind) {
    case 'due':
      return status.hoursLeft === 0 ? 'due now' : `due in ${describeSpan(status.hoursLeft)}`;
    case 'overdue':
      return `overdue by ${describeSpan(status.hoursOverdue)}`;
    case 'filedOnTime':
      return 'filed on time';
    case 'filedLate':
      return `filed ${describeSpan(status.hoursLate)} late`;
    case 'filedBeforeContactEnded':
      return 'filing time is before the contact ended: check the dates';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/**
 * An instant as the home's local time, with the zone's abbreviation so a time near a clock change
 * cannot be misread: "Mon 26 Oct 2026, 11:00 GMT".
 */
export function formatDeadlineInstant(isoInstant: string, timeZone: string): string {
  const parts = wallClockWords(instantOf(isoInstant, 'The time'), timeZone);
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
