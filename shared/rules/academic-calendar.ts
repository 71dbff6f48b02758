/**
 * The home's academic calendar. Term dates are calendar dates (YYYY-MM-DD) in the home's own time
 * zone, inclusive at both ends: a term that "ends on 2026-12-18" includes that whole day. Comparing
 * the text compares the dates, because the format sorts in date order.
 */
import { isCalendarDate } from '../schemas/common';

export type TermDates = {
  readonly name: 'autumn' | 'spring' | 'summer';
  readonly startsOn: string;
  readonly endsOn: string;
  readonly halfTermStartsOn: string;
  readonly halfTermEndsOn: string;
};

export type AcademicYearDates = {
  readonly id?: string;
  readonly label: string;
  readonly terms: readonly TermDates[];
};

export type CalendarProblem = { readonly path: (string | number)[]; readonly message: string };

const expectedOrder = ['autumn', 'spring', 'summer'] as const;
const termTitle = {
  autumn: 'The autumn term',
  spring: 'The spring term',
  summer: 'The summer term',
} as const;

/** The first and last day of a year: the autumn term's first day to the summer term's last. */
export function academicYearSpan(year: AcademicYearDates): { startsOn: string; endsOn: string } | undefined {
  const first = year.terms[0];
  const last = year.terms[year.terms.length - 1];
  return first && last ? { startsOn: first.startsOn, endsOn: last.endsOn } : undefined;
}

/** Whether both are real dates and `a` is before `b`. */
const before = (a: string, b: string) => isCalendarDate(a) && isCalendarDate(b) && a < b;
/** Whether both are real dates and `a` is on or after `b`. */
const notBefore = (a: string, b: string) => isCalendarDate(a) && isCalendarDate(b) && a >= b;

/**
 * Everything wrong with one year's dates, each with the field it belongs to and a message that
 * says how to put it right. An empty list means the year is sound on its own; overlaps with other
 * years are `academicYearOverlaps`' job. A date that is not a real date is the date field's own
 * message to give; it is compared with nothing here, so no neighbouring field is blamed for it.
 */
export function academicYearProblems(year: AcademicYearDates): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  year.terms.forEach((term, index) => {
    const title = termTitle[term.name];
    if (term.name !== expectedOrder[index]) {
      problems.push({
        path: ['terms', index, 'name'],
        message: 'Terms go in the order autumn, spring, summer.',
      });
    }
    if (before(term.endsOn, term.startsOn)) {
      problems.push({
        path: ['terms', index, 'endsOn'],
        message: `${title} ends before it starts. Check the end date.`,
      });
    }
    if (before(term.halfTermEndsOn, term.halfTermStartsOn)) {
      problems.push({
        path: ['terms', index, 'halfTermEndsOn'],
        message: 'The half term ends before it starts. Check the half-term dates.',
      });
    }
    if (notBefore(term.startsOn, term.halfTermStartsOn) || notBefore(term.halfTermEndsOn, term.endsOn)) {
      problems.push({
        path: ['terms', index, 'halfTermStartsOn'],
        message: `The half term must fall inside ${title.toLowerCase()}, after its first day and before its last.`,
      });
    }
    const previous = index > 0 ? year.terms[index - 1] : undefined;
    if (previous && notBefore(previous.endsOn, term.startsOn)) {
      problems.push({
        path: ['terms', index, 'startsOn'],
        message: `${title} must start after ${termTitle[previous.name].toLowerCase()} ends (${previous.endsOn}).`,
      });
    }
  });
  const span = academicYearSpan(year);
  const labelStart = Number(year.label.slice(0, 4));
  const labelEnd = Number(year.label.slice(5, 7));
  if (span && /^\d{4}\/\d{2}$/.test(year.label)) {
    if ((labelStart + 1) % 100 !== labelEnd) {
      problems.push({
        path: ['label'],
        message: `The two years must follow on, for example ${labelStart}/${String((labelStart + 1) % 100).padStart(2, '0')}.`,
      });
    } else if (isCalendarDate(span.startsOn) && Number(span.startsOn.slice(0, 4)) !== labelStart) {
      problems.push({
        path: ['terms', 0, 'startsOn'],
        message: `The autumn term of ${year.label} should start in ${labelStart}.`,
      });
    }
  }
  return problems;
}

/** The other years whose dates overlap this one's (a year is never compared with itself). */
export function academicYearOverlaps<Year extends AcademicYearDates>(
  year: AcademicYearDates,
  others: readonly Year[],
): Year[] {
  const span = academicYearSpan(year);
  if (!span) return [];
  return others.filter((other) => {
    if (year.id !== undefined && other.id === year.id) return false;
    const otherSpan = academicYearSpan(other);
    return otherSpan !== undefined && otherSpan.startsOn <= span.endsOn && span.startsOn <= otherSpan.endsOn;
  });
}

export type TermAt =
  | {
      readonly kind: 'inTerm';
      readonly yearLabel: string;
      readonly term: TermDates;
      readonly isHalfTerm: boolean;
    }
  | { readonly kind: 'holiday'; readonly yearLabel: string; readonly after: TermDates }
  | { readonly kind: 'outsideCalendar' };

/**
 * Where a date falls in the calendar: in a term (and whether in its half term), in the holiday
 * after a term, or outside every year the home has entered.
 */
export function termAt(date: string, years: readonly AcademicYearDates[]): TermAt {
  for (const year of years) {
    const span = academicYearSpan(year);
    if (!span || date < span.startsOn || date > span.endsOn) continue;
    for (const [index, term] of year.terms.entries()) {
      if (date >= term.startsOn && date <= term.endsOn) {
        const isHalfTerm = date >= term.halfTermStartsOn && date <= term.halfTermEndsOn;
        return { kind: 'inTerm', yearLabel: year.label, term, isHalfTerm };
      }
      const next = year.terms[index + 1];
      if (next && date > term.endsOn && date < next.startsOn)
        return { kind: 'holiday', yearLabel: year.label, after: term };
    }
  }
  return { kind: 'outsideCalendar' };
}
