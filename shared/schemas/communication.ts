import { z } from 'zod';
import { idSchema, requiredText, kindsOf } from './common';

/**
 * How a family member or significant person communicates, and the dates that matter to them
 * (seed 004 §4: "respect the differing needs parents themselves may have, such as a disability or
 * communication and linguistic barriers"; "Young people will be supported in maintaining contact by
 * telephone, electronic communication, letters or sending cards on special occasions").
 */

/** The channel as a tick box says it. */
export const contactChannelLabels = {
  phone: 'Phone',
  video: 'Video call',
  letter: 'Letter',
  email: 'Email',
  inPerson: 'In person',
} as const satisfies Record<string, string>;
export type ContactChannel = keyof typeof contactChannelLabels;
export const contactChannels = kindsOf(contactChannelLabels);

const shortText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep ${what} to ${max} characters or fewer.` })
    .optional();

/**
 * The communication fields of a person's record. They are sealed with the rest of the person in
 * the door compartment: whoever greets them at the door needs to know the language to use, that an
 * interpreter is coming or needed, and how to make the building work for them. Optional, so
 * records stored before these fields existed read as "nothing recorded".
 */
export const communicationNeedsSchema = z.object({
  language: shortText('the language', 80),
  needsInterpreter: z.boolean().optional(),
  accessibilityNeeds: shortText('the accessibility needs', 1000),
  preferredChannels: z.array(z.enum(contactChannels)).optional(),
  preferredTimes: shortText('the best times', 200),
});
export type CommunicationNeeds = z.infer<typeof communicationNeedsSchema>;

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `day` exists in `month` in some year (29 February does, in leap years). */
export function isDayOfMonth(day: number, month: number): boolean {
  const most = daysInMonth[month - 1];
  return most !== undefined && Number.isInteger(day) && day >= 1 && day <= most;
}

/** One special date: a birthday or another occasion, by day and month, with its year if known. */
export const specialDateSchema = z
  .object({
    id: idSchema,
    label: requiredText('what the date is, for example “birthday”', 80),
    day: z.number().int().min(1).max(31),
    month: z.number().int().min(1).max(12),
    year: z.number().int().min(1900).max(2100).optional(),
    /**
     * The reminders already sent to a PT, as "YYYY-MM-DD:<young person id>" (the day it falls and
     * for whom), so each occurrence is alerted once.
     */
    remindedFor: z.array(z.string().max(80)).default([]),
  })
  .refine((date) => isDayOfMonth(date.day, date.month), {
    path: ['day'],
    message: 'That day is not in that month. Check the date.',
  });
export type SpecialDate = z.infer<typeof specialDateSchema>;

/** A person's special dates, one row per person (its id is the person's). */
export const personSpecialDatesSchema = z.object({
  id: idSchema,
  dates: z.array(specialDateSchema).max(30, { message: 'Keep to 30 special dates for one person.' }),
});
export type PersonSpecialDates = z.infer<typeof personSpecialDatesSchema>;

const wholeNumber = /^\d{1,4}$/;

/**
 * One special date as the person form holds it: typed text, so a kept draft reads back exactly as
 * typed; `specialDatesFromForm` turns the rows into records.
 */
export const specialDateFormSchema = z
  .object({
    id: z.string().optional(),
    label: requiredText('what the date is, for example “birthday”', 80),
    day: z.string().trim().regex(wholeNumber, { message: 'Enter the day as a number, for example 11.' }),
    month: z.string().trim().regex(wholeNumber, { message: 'Choose the month.' }),
    year: z
      .string()
      .trim()
      .refine(
        (text) => text === '' || (/^\d{4}$/.test(text) && Number(text) >= 1900 && Number(text) <= 2100),
        {
          message: 'Enter the year as four figures, for example 1985, or leave it empty.',
        },
      ),
    remindedFor: z.array(z.string()).optional(),
  })
  .superRefine((row, context) => {
    if (!wholeNumber.test(row.day) || !wholeNumber.test(row.month)) return;
    if (!isDayOfMonth(Number(row.day), Number(row.month)))
      context.addIssue({
        code: 'custom',
        path: ['day'],
        message: 'That day is not in that month. Check the date.',
      });
  });
export type SpecialDateFormRow = z.input<typeof specialDateFormSchema>;

/**
 * The form's rows as records to save; a row kept from before keeps its id and the reminders
 * already sent, and a new row has no id yet (the repository gives it one).
 */
export function specialDatesFromForm(rows: readonly SpecialDateFormRow[]): object[] {
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    label: row.label.trim(),
    day: Number(row.day),
    month: Number(row.month),
    ...(row.year.trim() === '' ? {} : { year: Number(row.year) }),
    remindedFor: row.remindedFor ?? [],
  }));
}

/** The other way round, for a form that edits saved dates. */
export function specialDatesAsForm(dates: readonly SpecialDate[]): SpecialDateFormRow[] {
  return dates.map((date) => ({
    id: date.id,
    label: date.label,
    day: String(date.day),
    month: String(date.month),
    year: date.year === undefined ? '' : String(date.year),
    remindedFor: [...date.remindedFor],
  }));
}
