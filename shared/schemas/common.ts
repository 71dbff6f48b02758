import { z } from 'zod';

/** Record ids are random UUIDs made where the record is created. */
export const idSchema = z.uuid({ message: 'This record has no valid identifier.' });

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written as YYYY-MM-DD (so 2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date with no time of day, as YYYY-MM-DD. Term dates and dates of birth are dates,
 * not instants: storing them as text keeps them free of time-zone shifts, and the text sorts in
 * date order, so IndexedDB ranges work on it directly.
 */
export const isoDateSchema = z
  .string({ message: 'Enter a date.' })
  .trim()
  .min(1, { message: 'Enter a date.' })
  .refine(isCalendarDate, { message: 'Enter a real date, for example 2026-09-03.' });

/** An instant, as an ISO 8601 UTC timestamp (what `Date.prototype.toISOString` writes). */
export const isoDateTimeSchema = z.iso.datetime({ message: 'Enter a date and time.' });

/** Free text a person must fill in: trimmed, not empty, and not absurdly long. */
export const requiredText = (what: string, max = 200) =>
  z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .max(max, { message: `Keep ${what} to ${max} characters or fewer.` });

/** Free text a person may leave empty. */
export const optionalText = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep ${what} to ${max} characters or fewer.` })
    .default('');

/**
 * For a form's list where each row must name a different thing: an issue on `field` of every
 * row that repeats an earlier row's, so the person sees which row to remove.
 */
export function flagRepeatedRows<Row>(
  context: Pick<z.core.$RefinementCtx, 'addIssue'>,
  list: string,
  rows: readonly Row[],
  field: keyof Row & string,
  message: string,
): void {
  const seen = new Set<Row[keyof Row & string]>();
  rows.forEach((row, index) => {
    if (seen.has(row[field])) context.addIssue({ code: 'custom', path: [list, index, field], message });
    seen.add(row[field]);
  });
}

export const emailSchema = z.email({ message: 'Enter an email address, like name@example.org.' });

/**
 * The kinds named by a labels object, in the order the labels are written, as the non-empty
 * list `z.enum` takes: each closed list of kinds is written once, with its words for people.
 * Object.keys keeps the order written for keys that are not array indices, as these are not.
 */
export function kindsOf<Kind extends string>(
  labels: Readonly<Record<Kind, string>>,
): readonly [Kind, ...Kind[]] {
  const [first, ...rest] = Object.keys(labels) as Kind[];
  if (first === undefined) throw new Error('A list of kinds needs at least one kind.');
  return [first, ...rest];
}
