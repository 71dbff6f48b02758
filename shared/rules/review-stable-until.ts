import { contactFormDeadline, defaultContactFormDueHours } from './contact-form-deadline';
import { policyMinimums } from './contact-minimums';
import { addDays, mondayOf } from '../home-time';
import { defaultTimeZone } from '../schemas/home';
import { daySpan } from './termly-calendar';
import type { YearReviewInput } from './termly-review';
import { planPeriodEnds } from './contact-plan';

/**
 * How long a termly review stays true (the overview's stored summaries). `yearReview`
 * depends on the clock only through these, so its output cannot change before the earliest of them:
 *
 * - the end of each period of each contact-plan arrangement in a term (a period counts once over);
 *
 * - the **phase** of each term, each week of a term (for weekly parent updates) and each
 *   half-term window (the Learning Mentor's offer): every span starts and ends at a local midnight
 *   in the home's zone, so each start and end is an instant to watch;
 * - the end of a **placement** that ends part-way through a term: the term's minimums end with it;
 * - **weeks left** in the term under way: `ceil((term end - now) / 7 days)`, which steps down
 *   every 7 × 24 real hours counted back from the term's end (or the placement's, when it ends
 *   first). Across a clock change those steps fall at 23:00 or 01:00 local time, not at midnight,
 *   so they are worked out, not assumed;
 * - **booked ahead**: a booked visit counts while `now` is at or before its start, so it stops one
 *   millisecond after it starts;
 * - an unfiled **form** is due while `now` is at or before its deadline (its stored `dueAt`, or
 *   for a form without one the contact's end plus the home's hours), and overdue one millisecond
 *   after.
 *
 * The answer may be earlier than strictly needed (every visit and every week is watched, whether
 * or not it counts): that only costs a recompute. It is never later than `maxStableMs` after
 * `now`, so a summary is worked out afresh at least once a week even when nothing is due to change.
 */

/** The longest a review is trusted without being worked out again: one week. */
export const maxStableMs = 7 * 86_400_000;

const weekMs = 7 * 86_400_000;

/** The earliest instant after `input.now` at which `yearReview(input)` could give something different. */
export function reviewStableUntil(input: YearReviewInput): Date {
  // The same defaults yearReview applies: an empty zone or zero hours means the default.
  const timeZone = input.timeZone || defaultTimeZone;
  const dueHours = input.dueHours || defaultContactFormDueHours;
  const nowMs = input.now.getTime();
  let earliest = nowMs + maxStableMs;
  const watch = (ms: number): void => {
    if (ms > nowMs && ms < earliest) earliest = ms;
  };
  const watchSpan = (startsOn: string, endsOn: string): void => {
    const span = daySpan(startsOn, endsOn, timeZone);
    watch(span.startsMs);
    watch(span.endsMs);
  };

  const placementEndsOn = input.youngPerson.placementEndsOn;
  for (const term of input.year.terms) {
    const span = daySpan(term.startsOn, term.endsOn, timeZone);
    watch(span.startsMs);
    watch(span.endsMs);
    // A placement ending in the term ends the term's minimums with it, and weeks left count to it.
    const placedUntilMs =
      placementEndsOn !== undefined && placementEndsOn >= term.startsOn && placementEndsOn < term.endsOn
        ? daySpan(term.startsOn, placementEndsOn, timeZone).endsMs
        : span.endsMs;
    watch(placedUntilMs);
    if (nowMs >= span.startsMs && nowMs < placedUntilMs) {
      const weeksLeft = Math.ceil((placedUntilMs - nowMs) / weekMs);
      watch(placedUntilMs - (weeksLeft - 1) * weekMs);
    }
    for (let monday = mondayOf(term.startsOn); monday <= term.endsOn; monday = addDays(monday, 7))
      watchSpan(monday, addDays(monday, 6));
    for (const startsOn of [term.startsOn, addDays(term.halfTermEndsOn, 1)])
      watchSpan(startsOn, addDays(startsOn, policyMinimums.halfTermOfferWindowDays - 1));
    // A plan's period counts once it is over (contact-plan.ts): months and part periods end off a Monday.
    const placed = {
      startsOn: input.youngPerson.placementStartsOn,
      endsOn: input.youngPerson.placementEndsOn ?? term.endsOn,
    };
    for (const arrangement of input.plan ?? [])
      for (const endsMs of planPeriodEnds({ arrangement, span: term, placed, timeZone })) watch(endsMs);
  }
  for (const visit of input.visits) {
    const startsMs = Date.parse(visit.startsAt);
    if (startsMs >= nowMs) watch(startsMs + 1);
  }
  for (const form of input.forms) {
    if (form.filedAt !== undefined) continue;
    // The deadline yearReview judges it by: its own, else the home's hours (contactFormStatus).
    const dueMs = Date.parse(form.dueAt ?? contactFormDeadline(form.contactEndedAt, dueHours));
    if (dueMs >= nowMs) watch(dueMs + 1);
  }
  return new Date(earliest);
}
