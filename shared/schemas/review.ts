import { z } from 'zod';
import { termNames } from './academic-year';
import { idSchema, isoDateTimeSchema, requiredText, kindsOf } from './common';

/**
 * Sample monitoring (seed 004, 5.5.3: the Registered Manager "should ensure that there are
 * monitoring structures in place ... as well as sample monitoring"): the manager draws a random
 * sample of a term's filed contact forms and records a judgement on each.
 */

export const sampleOutcomeLabels = {
  good: 'Good: meets the standard',
  needsImprovement: 'Needs improvement',
  notAcceptable: 'Not acceptable: act on it',
} as const satisfies Record<string, string>;
export type SampleOutcome = keyof typeof sampleOutcomeLabels;
export const sampleOutcomes = kindsOf(sampleOutcomeLabels);

/** The largest sample one draw makes: enough for a term's check, small enough to read properly. */
export const largestSample = 50;

export const sampleDrawFormSchema = z.object({
  yearId: idSchema,
  termName: z.enum(termNames, { message: 'Choose the term.' }),
  size: z
    .number({ message: 'Enter how many forms to sample.' })
    .int({ message: 'Enter a whole number of forms.' })
    .min(1, { message: 'Sample at least 1 form.' })
    .max(largestSample, { message: `Sample at most ${largestSample} forms at a time.` }),
});

/** A drawn sample: which forms, from how many, drawn by whom and when. Ids and dates only. */
export const reviewSampleSchema = z.object({
  id: idSchema,
  yearId: idSchema,
  yearLabel: z.string().min(1),
  termName: z.enum(termNames),
  drawnAt: isoDateTimeSchema,
  drawnById: idSchema,
  /** How many filed forms the term had when the sample was drawn. */
  populationCount: z.number().int().min(0),
  formIds: z.array(idSchema).min(1),
});
export type ReviewSample = z.infer<typeof reviewSampleSchema>;

export const sampleReviewFormSchema = z.object({
  outcome: z.enum(sampleOutcomes, { message: 'Choose an outcome.' }),
  comment: requiredText('a comment on the form', 2000),
});

/** The manager's judgement on one sampled form; the comment is sealed, like the form it is about. */
export const sampleItemReviewSchema = sampleReviewFormSchema.extend({
  id: idSchema,
  sampleId: idSchema,
  formId: idSchema,
  reviewedAt: isoDateTimeSchema,
  reviewedById: idSchema,
});
export type SampleItemReview = z.infer<typeof sampleItemReviewSchema>;
