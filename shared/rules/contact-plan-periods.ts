import type { ContactPlanFrequency } from '../schemas/contact-plans';
import { addDays, mondayOf } from '../home-time';

/**
 * The contact plan's periods on the home's calendar (DESIGN, "Contact plan"): weeks run Monday to
 * Sunday, fortnights are pairs of those weeks counted from the week the arrangement started, and
 * months are calendar months. Dates are YYYY-MM-DD on the home's clock.
 */
export type CountedFrequency = Exclude<ContactPlanFrequency, 'asArranged'>;

export type PlanDates = { readonly startsOn: string; readonly endsOn: string };

/** Days from `from` to `to`, both counted. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function monthStartOf(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

export function nextMonthStart(isoDate: string): string {
  const [year = 1970, month = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** The first day of the week or fortnight holding `date`, fortnights in step with `anchor`'s week. */
export function weeklyPeriodStart(step: 7 | 14, anchor: string, date: string): string {
  const first = mondayOf(anchor);
  const offset = Math.floor((daysFromTo(first, date) - 1) / step) * step;
  return addDays(first, offset);
}

/** The whole period (not cut to any span) that holds `date`. */
export function planPeriodHolding(frequency: CountedFrequency, anchor: string, date: string): PlanDates {
  if (frequency === 'monthly') {
    const startsOn = monthStartOf(date);
    return { startsOn, endsOn: addDays(nextMonthStart(startsOn), -1) };
  }
  const step = frequency === 'weekly' ? 7 : 14;
  const startsOn = weeklyPeriodStart(step, anchor, date);
  return { startsOn, endsOn: addDays(startsOn, step - 1) };
}
