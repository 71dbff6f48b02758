import { wallClockWords } from '../home-time';
import { describeSpan } from './contact-form-deadline';

/**
 * When a form is due, as the author needs it while writing: "Due by Mon 26 Oct, 17:30 (in 31
 * hours)" or "Due by Sat 24 Oct, 12:00 (overdue by 2 days)". The wall clock is the home's
 * (Europe/London unless set otherwise); the year is added only when it is not this year's.
 * `dueAt` comes from `contactFormDeadline`, so the hours counted are real hours across a clock change.
 */
export function describeDueBy(dueAt: string, now: Date, timeZone: string): string {
  const due = new Date(dueAt);
  const parts = wallClockWords(due, timeZone);
  const sameYear = wallClockWords(now, timeZone).year === parts.year;
  const when = `${parts.weekday} ${parts.day} ${parts.month}${sameYear ? '' : ` ${parts.year}`}, ${parts.hour}:${parts.minute}`;
  const hours = (due.getTime() - now.getTime()) / 3_600_000;
  const left =
    hours > 0 ? `in ${describeSpan(hours)}` : hours === 0 ? 'now' : `overdue by ${describeSpan(-hours)}`;
  return `Due by ${when} (${left})`;
}
