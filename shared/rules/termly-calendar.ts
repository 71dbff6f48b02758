import { addDays, dayStartMs } from '../home-time';

/**
 * Spans of days for termly figures. Terms are calendar dates in the home's zone (Europe/London
 * unless the home is elsewhere); contacts are UTC instants. Rather than turning every contact into
 * a local date (an Intl call each, thousands a year), each boundary date is turned once into the
 * instant its day starts (shared/home-time.ts), and contacts are compared as plain numbers. A day
 * that starts at local midnight in GMT starts an hour earlier in UTC during BST, and this is what
 * puts a call at 00:30 BST on the first day of term inside the term.
 */

/** A span of whole local days, `[startsMs, endsMs)`, with the dates it runs between (inclusive). */
export type DaySpan = {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly startsMs: number;
  readonly endsMs: number;
};

export function daySpan(startsOn: string, endsOn: string, timeZone: string): DaySpan {
  return {
    startsOn,
    endsOn,
    startsMs: dayStartMs(startsOn, timeZone),
    endsMs: dayStartMs(addDays(endsOn, 1), timeZone),
  };
}

export function isWithin(ms: number, span: Pick<DaySpan, 'startsMs' | 'endsMs'>): boolean {
  return ms >= span.startsMs && ms < span.endsMs;
}

/** Where a span stands at `nowMs`: over, under way, or still to come. */
export type Phase = 'ended' | 'current' | 'notStarted';

export function phaseOf(span: Pick<DaySpan, 'startsMs' | 'endsMs'>, nowMs: number): Phase {
  if (nowMs >= span.endsMs) return 'ended';
  if (nowMs < span.startsMs) return 'notStarted';
  return 'current';
}
