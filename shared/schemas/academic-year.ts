import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { academicYearProblems } from '../rules/academic-calendar';

export const termNames = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof termNames)[number];
export const termLabels: Readonly<Record<TermName, string>> = {
  autumn: 'Autumn term',
  spring: 'Spring term',
  summer: 'Summer term',
};

/** One term and the half-term holiday inside it (the school is closed from the first to the last day). */
export const termSchema = z.object({
  name: z.enum(termNames),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  halfTermStartsOn: isoDateSchema,
  halfTermEndsOn: isoDateSchema,
});
export type Term = z.infer<typeof termSchema>;

/** A year's fields, without the checks of its dates against each other (for showing a damaged row). */
export const academicYearShape = z.object({
  id: idSchema,
  /** How staff name the year, e.g. "2026/27". */
  label: z
    .string({ message: 'Enter the academic year, for example 2026/27.' })
    .trim()
    .regex(/^\d{4}\/\d{2}$/, { message: 'Write the academic year as 2026/27.' }),
  terms: z.tuple([termSchema, termSchema, termSchema]),
});

/**
 * An academic year: autumn, spring and summer terms in that order, each with its half term.
 * Every "termly" figure in the app is counted against these dates, so the shape is checked as a
 * whole (order, overlaps, half terms inside their terms) by `academicYearProblems`.
 */
export const academicYearSchema = academicYearShape.superRefine((year, context) => {
  for (const problem of academicYearProblems(year)) {
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});
export type AcademicYear = z.infer<typeof academicYearSchema>;

/** What the calendar form edits: a year without its id (the repository gives new years one). */
export const academicYearFormSchema = academicYearShape.omit({ id: true }).superRefine((year, context) => {
  for (const problem of academicYearProblems(year)) {
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});
export type AcademicYearForm = z.infer<typeof academicYearFormSchema>;
